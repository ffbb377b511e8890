// The edit-after-approval rule (the consent core's `sendsBackForReadBack`), applied by the lake in
// the same transaction as the edit: a change to the text of an approved or published testimony's
// draft sends the draft back to be read to the survivor, whoever made it and however.
import { sendsBackForReadBack, draftIdOf } from '../core/index.ts'
import type { MutationContext } from './mutations/applyMutations.ts'
import type { DocumentChange } from './mutations/document.ts'
import { groupsOf, touchedTestimonies } from './testimonyGroups.ts'

export function readBackConsequence(changes: ReadonlyArray<DocumentChange>, context: MutationContext): DocumentChange[] {
  return touchedTestimonies(changes).flatMap((testimonyId) => {
    let groups
    try {
      groups = groupsOf(testimonyId, changes, context.read)
    } catch {
      // A testimony that is not well formed is refused by the workflow guard, with the reason.
      return []
    }
    const draftId = draftIdOf(testimonyId)
    const draft = changes.find((change) => change.id === draftId)?.after
    if (!draft || !sendsBackForReadBack(groups.before, groups.after)) return []
    return [{ id: draftId, before: context.read(draftId), after: { ...draft, workflowState: 'readyForReadBack' } }]
  })
}
