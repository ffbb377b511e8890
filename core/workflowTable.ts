// The workflow as one table: each step, the states it leaves from, the state it leads to, who may
// take it and what it needs. The lake refuses any change of state the table does not allow; the
// Studio offers exactly the steps it allows.
import { workflowRoles, workflowStates, type WorkflowRole, type WorkflowState } from './workflowStates.ts'

export const workflowSteps = ['start', 'submit', 'return', 'pass', 'recordApproval', 'publish', 'withdraw', 'sendBack'] as const
export type WorkflowStep = (typeof workflowSteps)[number]

/**
 * What a step needs besides the right person:
 * - passCleared: the supervisor's pass is removed (a returned draft is reviewed again);
 * - ownPass: the pass is recorded, naming the person who gives it;
 * - approval: a consent record in force approves the testimony's text as it now stands;
 * - publishedVersion: the published version is written by this change (it is really published);
 * - supervisorPass: a supervisor's pass is recorded on what is published;
 * - withdrawal: the survivor's withdrawal is recorded on her consent record by this change, or her
 *   consent, changed by it, no longer allows the published testimony;
 * - textEdited: the text she approved (any text the read-back sheet prints) is edited by this change.
 */
export const workflowNeeds = [
  'passCleared',
  'ownPass',
  'approval',
  'publishedVersion',
  'supervisorPass',
  'withdrawal',
  'textEdited',
] as const
export type WorkflowNeed = (typeof workflowNeeds)[number]

export interface WorkflowTransition {
  /** The states the step leaves from; null for a testimony that does not exist yet. */
  from: ReadonlyArray<WorkflowState | null>
  to: WorkflowState
  roles: ReadonlyArray<WorkflowRole>
  needs: ReadonlyArray<WorkflowNeed>
}

const everyone = workflowRoles
const supervisors: ReadonlyArray<WorkflowRole> = ['supervisor', 'administrator']

export const workflowTable: Record<WorkflowStep, WorkflowTransition> = {
  start: { from: [null], to: 'drafting', roles: everyone, needs: [] },
  submit: { from: ['drafting'], to: 'supervisorReview', roles: everyone, needs: [] },
  return: { from: ['supervisorReview', 'readyForReadBack'], to: 'drafting', roles: supervisors, needs: ['passCleared'] },
  pass: { from: ['supervisorReview'], to: 'readyForReadBack', roles: supervisors, needs: ['ownPass'] },
  recordApproval: {
    from: ['readyForReadBack', 'approved', 'published', 'withdrawn'],
    to: 'approved',
    roles: everyone,
    needs: ['approval'],
  },
  publish: { from: ['approved'], to: 'published', roles: everyone, needs: ['publishedVersion', 'supervisorPass'] },
  withdraw: { from: workflowStates, to: 'withdrawn', roles: everyone, needs: ['withdrawal'] },
  // Not a button: the lake takes this step itself when an approved text is edited.
  sendBack: { from: ['approved', 'published'], to: 'readyForReadBack', roles: everyone, needs: ['textEdited'] },
}

/** Whether this person may take this step from this state (what it needs aside). */
export function stepAvailable(step: WorkflowStep, state: WorkflowState | null, role: WorkflowRole): boolean {
  const transition = workflowTable[step]
  return transition.from.includes(state) && transition.roles.includes(role)
}

/** The steps that lead from one state to another (usually one, none when the table has no way). */
export function stepsBetween(from: WorkflowState | null, to: WorkflowState): WorkflowStep[] {
  return workflowSteps.filter((step) => workflowTable[step].to === to && workflowTable[step].from.includes(from))
}
