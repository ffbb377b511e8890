// Sanity's document ids: a published document `<id>`, its draft `drafts.<id>`, and its version in a
// release `versions.<release>.<id>`. One rule, used by the Studio, the lake and the site alike.

export const draftPrefix = 'drafts.'
export const versionPrefix = 'versions.'

/** Which of a document's forms an id names. */
export type DocumentIdKind = 'published' | 'draft' | 'version'

const draftPattern = /^drafts\./
const versionPattern = /^versions\.([^.]+)\./

export const isDraftId = (id: string): boolean => id.startsWith(draftPrefix)
export const isVersionId = (id: string): boolean => id.startsWith(versionPrefix)
export const isPublishedId = (id: string): boolean => !isDraftId(id) && !isVersionId(id)

export function idKind(id: string): DocumentIdKind {
  return isDraftId(id) ? 'draft' : isVersionId(id) ? 'version' : 'published'
}

/** The published id of any form of a document: `drafts.x`, `versions.r.x` and `x` are all `x`. */
export const publishedIdOf = (id: string): string => id.replace(draftPattern, '').replace(versionPattern, '')

/** The draft id of any form of a document. */
export const draftIdOf = (id: string): string => `${draftPrefix}${publishedIdOf(id)}`

/** The id of a document's version in `release` (a release name has no dot). */
export const versionIdOf = (release: string, id: string): string => `${versionPrefix}${release}.${publishedIdOf(id)}`

/** The release a version id belongs to; null for a draft or a published id. */
export const releaseOf = (id: string): string | null => versionPattern.exec(id)?.[1] ?? null

/** A GROQ filter that keeps published documents only: no drafts, no versions. */
export const publishedOnly = `!(_id in path("${draftPrefix}**")) && !(_id in path("${versionPrefix}**"))`
