// A stored document as the lake sees it: Sanity's system fields plus anything else.
export interface LakeDocument {
  _id: string
  _type: string
  _rev?: string
  _createdAt?: string
  _updatedAt?: string
  [field: string]: unknown
}

/** Document ids as Sanity accepts them: letters, digits, `.`, `_` and `-`, at most 128 characters. */
export const documentIdPattern = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/

export const isDraftId = (id: string) => id.startsWith('drafts.')
export const publishedIdOf = (id: string) => id.replace(/^drafts\./, '').replace(/^versions\.[^.]+\./, '')
export const draftIdOf = (id: string) => `drafts.${publishedIdOf(id)}`

/** A change one transaction makes to one document: null before means created, null after deleted. */
export interface DocumentChange {
  id: string
  before: LakeDocument | null
  after: LakeDocument | null
}
