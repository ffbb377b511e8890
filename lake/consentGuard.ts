// Defence in depth: the lake itself refuses a write that would leave a testimony published without
// the survivor's consent for it, so that a script bypassing the Studio can not publish either.
// It asks the same consent core as the Studio and the site, with the consents as the transaction
// would leave them. Unpublishing is always allowed.
import { consentDocument, publicationRefusals, testimonyDocument, type ConsentDocument } from '../core/index.ts'
import { LakeError } from './errors.ts'
import { isDraftId, type DocumentChange, type LakeDocument } from './mutations/document.ts'

export function consentGuard(changes: ReadonlyArray<DocumentChange>, documents: ReadonlyArray<LakeDocument>, today: string): void {
  const published = changes.filter((change) => change.after?._type === 'testimony' && !isDraftId(change.id))
  if (published.length === 0) return
  const after = new Map(documents.map((document) => [document._id, document]))
  for (const change of changes) {
    if (change.after) after.set(change.id, change.after)
    else after.delete(change.id)
  }
  const consents: ConsentDocument[] = [...after.values()].flatMap((document) => {
    const parsed = consentDocument.safeParse(document)
    return parsed.success ? [parsed.data] : []
  })
  for (const change of published) {
    const testimony = testimonyDocument.safeParse(change.after)
    const reasons = testimony.success
      ? publicationRefusals(testimony.data, consents, today)
      : [`the testimony is not well formed (${testimony.error.issues[0]?.message ?? 'invalid'})`]
    if (reasons.length > 0) {
      throw new LakeError(409, 'consentRefusedError', `Testimony "${change.id}" can not be published: ${reasons.join(' ')}`, {
        id: change.id,
        reasons,
      })
    }
  }
}
