// The archive's Sanity schema: the single source of truth for the Studio, the lake and the seed.
export { schemaTypes } from './schemaTypes.ts'

/** Types that never leave the archive, whatever the token or the build. */
export const privateTypes = ['survivor', 'consentRecord', 'followUp', 'erasureRecord'] as const

/** Types whose published documents the public site may read (testimonies only through the gate). */
export const publicTypes = ['testimony', 'ceremony', 'theme', 'lesson', 'glossaryTerm', 'supportService', 'siteSettings'] as const

export { workflowStateOptions } from './vocabulary.ts'
export { compiledSchema } from './compiledSchema.ts'
