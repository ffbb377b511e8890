// The lake enforces the testimony workflow: a write that moves a testimony otherwise than the
// consent core's workflow table allows (a state set by hand, a pass forged or skipped, a testimony
// published that no supervisor passed, or taken off the site without a withdrawal) is refused with
// the reason, in words a therapist can act on.
import { describeWorkflowRefusal, workflowChange, type WorkflowRole } from '../core/index.ts'
import type { Role } from './auth/roles.ts'
import { LakeError } from './errors.ts'
import type { DocumentChange } from './mutations/document.ts'
import type { DocumentIndex } from './query/candidates.ts'
import { consentsAfter, consentsOf, groupsOf, touchedTestimonies } from './testimonyGroups.ts'

// The publisher may not write at all; it never reaches this guard.
const workflowRoles: Record<Role, WorkflowRole | null> = {
  administrator: 'administrator',
  supervisor: 'supervisor',
  therapist: 'therapist',
  publisher: null,
}

export function workflowGuard(
  user: { id: string; role: Role },
  changes: ReadonlyArray<DocumentChange>,
  stored: DocumentIndex,
  today: string,
): void {
  const role = workflowRoles[user.role]
  const testimonies = touchedTestimonies(changes)
  if (testimonies.length === 0) return
  const consents = stored.ofType('consentRecord')
  for (const testimonyId of testimonies) {
    const { before, after } = groupsOf(testimonyId, changes, (id) => stored.get(id))
    const input = {
      before,
      after,
      userId: user.id,
      consentsBefore: consentsOf(testimonyId, consents),
      consentsAfter: consentsAfter(testimonyId, changes, consents),
      today,
    }
    const decision = role ? workflowChange({ ...input, role }) : null
    if (decision?.allowed) continue
    const reason = decision ? describeWorkflowRefusal(decision.refusal) : `the ${user.role} role does not write testimonies.`
    throw new LakeError(409, 'workflowRefusedError', `Testimony "${testimonyId}": ${reason}`, {
      id: testimonyId,
      ...(decision ? { reason: decision.refusal.code } : {}),
    })
  }
}
