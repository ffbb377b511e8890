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
 * Publishing, as one transaction of the Actions API: the draft is marked published, then published.
 * If the lake or Sanity refuses the publish (the consent is checked again there), the draft is left
 * as it was, not marked published without being so.
 */
export function publishActions(publishedId: string) {
  const draftId = `drafts.${publishedId}`
  return [
    { actionType: 'sanity.action.document.edit', draftId, publishedId, patch: { set: { workflowState: 'published' } } },
    { actionType: 'sanity.action.document.publish', draftId, publishedId },
  ] as const
}
