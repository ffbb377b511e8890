// Builds, for a move from one workflow state to another, the change that would make it as the
// Studio makes it, with everything the step needs (her approval, the pass, a withdrawal, an edit).
import type { ConsentDocument, TestimonyDocument, WorkflowChangeInput, WorkflowRole, WorkflowState } from '../../core/index.ts'
import { aConsent, aTestimony, today } from './fixtures.ts'

export const users: Record<WorkflowRole, string> = {
  therapist: 'therapist-sophea',
  supervisor: 'supervisor-demo',
  administrator: 'administrator-demo',
}
export const earlierPass = { passedBy: 'supervisor-earlier', passedAt: '2026-10-01T09:00:00Z' }

const id = 'testimony-test-1'
/** Where a testimony in this state has its review pass: from read-back on, it has been passed. */
const passed = (state: WorkflowState) => !['drafting', 'supervisorReview'].includes(state)

export function version(state: WorkflowState, overrides: Partial<TestimonyDocument> = {}): TestimonyDocument {
  return {
    ...aTestimony({ _id: state === 'published' ? id : `drafts.${id}` }),
    _rev: `rev-${state}`,
    workflowState: state,
    ...(passed(state) ? { review: earlierPass } : {}),
    ...overrides,
  }
}

const withdrawn = (consent: ConsentDocument): ConsentDocument => ({
  ...consent,
  withdrawals: [{ _key: 'w', date: today, scopes: ['website', 'teaching', 'ceremonyReading'] }],
})

/** The change moving a testimony from `from` (null: none yet) to `to`, by `role`. */
export function scenario(from: WorkflowState | null, to: WorkflowState, role: WorkflowRole): WorkflowChangeInput {
  const userId = users[role]
  const before = from === null ? null : version(from)
  const beforeGroup = { draft: before && from !== 'published' ? before : null, published: from === 'published' ? before : null }
  // Her consent exists once she has approved (approved, published, withdrawn); it approves the text.
  const consent = aConsent(aTestimony(), { _id: 'consent-1' })
  const hadConsent = from !== null && ['approved', 'published', 'withdrawn'].includes(from)
  const consentsBefore = hadConsent ? [from === 'withdrawn' ? withdrawn(consent) : consent] : []
  let consentsAfter = consentsBefore
  if (before && from === to) {
    // No move: an edit of a field the survivor does not approve.
    const edited = { ...before, province: 'Kampot', _rev: 'rev-after' }
    const afterGroup = from === 'published' ? { draft: null, published: edited } : { draft: edited, published: null }
    return { before: beforeGroup, after: afterGroup, role, userId, consentsBefore, consentsAfter, today }
  }
  let after = version(to, { _rev: 'rev-after', review: from === null || !passed(from) ? undefined : earlierPass })
  if (to === 'readyForReadBack' && (from === 'approved' || from === 'published'))
    after = { ...after, hopes: { en: 'Edited after approval.' } }
  if (to === 'readyForReadBack' && !(from === 'approved' || from === 'published'))
    after = { ...after, review: { passedBy: userId, passedAt: '2026-11-29T10:00:00Z' } }
  if (to === 'drafting') after = { ...after, review: undefined }
  if (to === 'approved') consentsAfter = [...consentsBefore, aConsent(aTestimony(), { _id: 'consent-2', dateGiven: '2026-11-01' })]
  if (to === 'withdrawn') consentsAfter = consentsBefore.length ? consentsBefore.map(withdrawn) : [withdrawn(consent)]
  if (to === 'published') after = { ...after, review: after.review ?? earlierPass }
  const afterGroup =
    to === 'published'
      ? { draft: null, published: { ...after, _id: id } }
      : { draft: { ...after, _id: `drafts.${id}` }, published: to === 'withdrawn' ? null : beforeGroup.published }
  return { before: beforeGroup, after: afterGroup, role, userId, consentsBefore, consentsAfter, today }
}
