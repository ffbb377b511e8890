// The lake enforces the testimony workflow: a write that moves a testimony otherwise than the
// consent core's workflow table allows (a state set by hand, a pass forged or skipped, a testimony
// published that no supervisor passed, or taken off the site without a withdrawal) is refused with
// the reason, in words a therapist can act on.
import { describeWorkflowRefusal, workflowChange, type WorkflowRole } from '../core/index.ts'
import type { Role } from './auth/roles.ts'
import { LakeError } from './errors.ts'
import type { DocumentChange, LakeDocument } from './mutations/document.ts'
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
  documents: ReadonlyArray<LakeDocument>,
  today: string,
): void {
  const role = workflowRoles[user.role]
  const testimonies = touchedTestimonies(changes)
  if (testimonies.length === 0) return
  const stored = new Map(documents.map((document) => [document._id, document]))
  for (const testimonyId of testimonies) {
    const { before, after } = groupsOf(testimonyId, changes, (id) => stored.get(id) ?? null)
    const input = {
      before,
      after,
      userId: user.id,
      consentsBefore: consentsOf(testimonyId, documents),
      consentsAfter: consentsAfter(testimonyId, changes, documents),
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
