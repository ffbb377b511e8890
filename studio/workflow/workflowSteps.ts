// The steps a testimony goes through before the survivor approves it, and who may take each:
// a therapist submits her draft, a supervisor returns it with comments or passes it for read-back.
// Approval, publication and withdrawal have their own actions, bound to the consent core.
import { workflowStates, type WorkflowState } from '../../schemas/vocabulary.ts'
import type { StaffRole } from './staffRole.ts'

export const workflowSteps = ['submitForReview', 'returnToTherapist', 'readyForReadBack'] as const
export type WorkflowStep = (typeof workflowSteps)[number]

interface StepRule {
  from: ReadonlyArray<WorkflowState>
  to: WorkflowState
  roles: ReadonlyArray<StaffRole>
}

export const stepRules: Record<WorkflowStep, StepRule> = {
  submitForReview: { from: ['drafting'], to: 'supervisorReview', roles: ['therapist', 'supervisor', 'administrator'] },
  returnToTherapist: { from: ['supervisorReview', 'readyForReadBack'], to: 'drafting', roles: ['supervisor', 'administrator'] },
  readyForReadBack: { from: ['supervisorReview'], to: 'readyForReadBack', roles: ['supervisor', 'administrator'] },
}

export function isWorkflowState(value: unknown): value is WorkflowState {
  return workflowStates.some((state) => state.value === value)
}

export function stepAvailable(step: WorkflowStep, state: WorkflowState | undefined, role: StaffRole): boolean {
  const rule = stepRules[step]
  return rule.roles.includes(role) && rule.from.includes(state ?? 'drafting')
}

export interface ReviewNote {
  _key: string
  _type: 'reviewNote'
  note: string
  by: string
  at: string
}

/** The patch a step makes on the draft: the new state, and the supervisor's comment if any. */
export function stepPatch(step: WorkflowStep, note: Omit<ReviewNote, '_type'> | null) {
  return {
    set: { workflowState: stepRules[step].to },
    ...(note && note.note.trim() !== '' ? { append: [{ ...note, note: note.note.trim(), _type: 'reviewNote' as const }] } : {}),
  }
}

/**
 * Publishing, as one transaction: the draft exactly as the Studio judged it, marked published,
 * replaces the published document, and the draft goes. The first mutation checks that the stored
 * draft is still the revision judged, so that a colleague's edit, or a change not yet saved, refuses
 * the publish instead of being published unseen; the lake checks the consent again. (Sanity's own
 * publish once did the same, with the same guard.)
 */
export function publishMutations(publishedId: string, draft: Record<string, unknown> & { _rev: string }) {
  const draftId = `drafts.${publishedId}`
  const { _rev, _updatedAt, _id, ...content } = draft
  void [_updatedAt, _id]
  return [
    { patch: { id: draftId, ifRevisionID: _rev, unset: ['_empty_action_guard_pseudo_field_'] } },
    { createOrReplace: { ...content, _id: publishedId, _type: 'testimony', workflowState: 'published' } },
    { delete: { id: draftId } },
  ]
}
