// The states a testimony goes through on its way from a draft to the website, the people who move
// it, and the supervisor's pass, as the workflow rules read them from a stored testimony.
import { z } from 'zod'
import type { TestimonyDocument } from './testimonyDocument.ts'

export const workflowStates = ['drafting', 'supervisorReview', 'readyForReadBack', 'approved', 'published', 'withdrawn'] as const
export type WorkflowState = (typeof workflowStates)[number]

/** The people who write testimonies; the site build's read-only role never moves one. */
export const workflowRoles = ['therapist', 'supervisor', 'administrator'] as const
export type WorkflowRole = (typeof workflowRoles)[number]

/** A testimony's draft and published versions, judged together: its state is the draft's if it has one. */
export interface TestimonyGroup {
  draft: TestimonyDocument | null
  published: TestimonyDocument | null
}

/** The version a person sees and works on: the draft where there is one, else the published one. */
export function currentVersion(group: TestimonyGroup): TestimonyDocument | null {
  return group.draft ?? group.published
}

export function isWorkflowState(value: unknown): value is WorkflowState {
  return (workflowStates as ReadonlyArray<unknown>).includes(value)
}

/** A stored testimony's state: drafting when none is set yet, null when what is stored is no state. */
export function workflowStateOf(document: TestimonyDocument): WorkflowState | null {
  const value = document.workflowState
  if (value === undefined || value === null) return 'drafting'
  return isWorkflowState(value) ? value : null
}

/** The supervisor's pass for read-back: who gave it (a user id) and when. */
export const reviewPass = z.looseObject({ passedBy: z.string().trim().min(1), passedAt: z.iso.datetime({ offset: true }) })
export type ReviewPass = z.infer<typeof reviewPass>

/** The pass recorded on a testimony, or null when there is none (or it is not a valid pass). */
export function reviewPassOf(document: TestimonyDocument | null): ReviewPass | null {
  const parsed = reviewPass.safeParse(document?.review)
  return parsed.success ? parsed.data : null
}
