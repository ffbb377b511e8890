// The archive's Sanity schema: the single source of truth for the Studio, the lake and the seed.
export { schemaTypes } from './schemaTypes.ts'

/**
 * Types that never leave the archive, whatever the token or the build. A testimony is among them:
 * what the site may show of it is its public story, written by publishing.
 */
export const privateTypes = ['survivor', 'testimony', 'consentRecord', 'followUp', 'erasureRecord'] as const

/** Types whose published documents the public site may read. */
export const publicTypes = ['publicStory', 'ceremony', 'theme', 'lesson', 'glossaryTerm', 'supportService', 'siteSettings'] as const

export { workflowStateOptions } from './vocabulary.ts'
export { compiledSchema } from './compiledSchema.ts'
