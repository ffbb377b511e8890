// Defence in depth: the lake itself refuses a write that would leave a testimony published without
// the survivor's consent for it, so that a script bypassing the Studio can not publish either.
// It asks the same consent core as the Studio and the site, with the consents as the transaction
// would leave them. Unpublishing is always allowed.
import { consentDocument, publicationRefusals, testimonyDocument, type ConsentDocument } from '../core/index.ts'
import { LakeError } from './errors.ts'
import { isDraftId, type DocumentChange, type LakeDocument } from './mutations/document.ts'

/** Why this testimony could not stay published once `changes` are applied; empty when it may. */
export function refusalsAfter(
  testimony: LakeDocument,
  changes: ReadonlyArray<DocumentChange>,
  documents: ReadonlyArray<LakeDocument>,
  today: string,
): string[] {
  const parsed = testimonyDocument.safeParse(testimony)
  if (!parsed.success) return [`the testimony is not well formed (${parsed.error.issues[0]?.message ?? 'invalid'})`]
  return publicationRefusals(parsed.data, consentsAfter(changes, documents), today)
}

/** Refuses a transaction that would leave a testimony published without consent. */
export function consentGuard(changes: ReadonlyArray<DocumentChange>, documents: ReadonlyArray<LakeDocument>, today: string): void {
  for (const change of changes) {
    if (change.after?._type !== 'testimony' || isDraftId(change.id)) continue
    const reasons = refusalsAfter(change.after, changes, documents, today)
    if (reasons.length > 0) {
      throw new LakeError(409, 'consentRefusedError', `Testimony "${change.id}" can not be published: ${reasons.join(' ')}`, {
        id: change.id,
        reasons,
      })
    }
  }
}

/** The consent records as the transaction would leave them. */
function consentsAfter(changes: ReadonlyArray<DocumentChange>, documents: ReadonlyArray<LakeDocument>): ConsentDocument[] {
  const after = new Map(documents.map((document) => [document._id, document]))
  for (const change of changes) {
    if (change.after) after.set(change.id, change.after)
    else after.delete(change.id)
  }
  return [...after.values()].flatMap((document) => {
    const parsed = consentDocument.safeParse(document)
    return parsed.success ? [parsed.data] : []
  })
}
