// Withdrawal unpublishes at once (consent.md): when a transaction changes a consent record so that
// a published testimony may no longer be public, the same transaction takes the testimony off —
// the published document goes, its text stays as a draft marked withdrawn. Recording a withdrawal
// is never refused; the publication is what yields. A new approval of an edited draft, recorded in
// the same transaction, also takes the older published text off; the draft then stays approved.
import type { MutationContext } from './mutations/applyMutations.ts'
import { referenceOf, type DocumentChange } from './mutations/document.ts'
import type { DocumentIndex } from './query/candidates.ts'
import { refusalsAfter } from './consentGuard.ts'
import { draftIdOf, isDraftId } from '../core/index.ts'

export function withdrawalUnpublish(
  changes: ReadonlyArray<DocumentChange>,
  context: MutationContext,
  stored: DocumentIndex,
  today: string,
): DocumentChange[] {
  const touched = new Set(
    changes
      .filter((change) => !isDraftId(change.id) && (change.before?._type === 'consentRecord' || change.after?._type === 'consentRecord'))
      .flatMap((change) => [change.before, change.after].map((d) => referenceOf(d?.testimony)))
      .filter((id): id is string => id !== null),
  )
  const following: DocumentChange[] = []
  for (const testimonyId of touched) {
    const published = changes.find((c) => c.id === testimonyId)?.after ?? context.read(testimonyId)
    if (!published || published._type !== 'testimony') continue
    if (refusalsAfter(published, changes, stored, today).length === 0) continue
    following.push({ id: testimonyId, before: context.read(testimonyId), after: null })
    const draftId = draftIdOf(testimonyId)
    const draft = changes.find((c) => c.id === draftId)?.after ?? context.read(draftId)
    following.push({
      id: draftId,
      before: context.read(draftId),
      after: {
        ...(draft ?? published),
        _id: draftId,
        workflowState: draft?.workflowState === 'approved' ? 'approved' : 'withdrawn',
        _rev: context.transactionId,
        _updatedAt: context.timestamp,
      },
    })
  }
  return following
}
