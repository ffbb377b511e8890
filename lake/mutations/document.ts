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

/** The id a reference field points to (`{_ref: "…"}`), or null when the value is no reference. */
export function referenceOf(value: unknown): string | null {
  return value && typeof value === 'object' && '_ref' in value && typeof value._ref === 'string' ? value._ref : null
}

/** A value as an error message may quote it: JSON, cut short, so a hostile value can not flood the answer. */
export const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}

/** Why a document may not be stored under `id` (an id Sanity would refuse, or no string _type); null if it may. */
export function invalidDocumentReason(id: string, document: LakeDocument): string | null {
  if (!documentIdPattern.test(id)) return `its id ${shown(id)} is not valid: use letters, digits, ".", "_" and "-", at most 128 characters`
  if (document._id !== id) return `its _id ${shown(document._id)} differs from ${shown(id)}`
  if (document._type === undefined) return 'it has no _type'
  if (typeof document._type !== 'string' || document._type === '') return `its _type ${shown(document._type)} is not a non-empty string`
  return null
}

/** A change one transaction makes to one document: null before means created, null after deleted. */
export interface DocumentChange {
  id: string
  before: LakeDocument | null
  after: LakeDocument | null
}
