// The workflow table: every pair of states × every role, allowed exactly where the table has a step
// for that role, otherwise refused with a reason; and each step refused when what it needs is missing.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  describeWorkflowRefusal,
  stepsBetween,
  workflowChange,
  workflowRoles,
  workflowStates,
  workflowTable,
  type WorkflowChangeInput,
  type WorkflowState,
} from '../../core/index.ts'
import { aConsent, aTestimony } from './fixtures.ts'
import { earlierPass, scenario, users, version } from './workflowScenario.ts'

const froms: Array<WorkflowState | null> = [null, ...workflowStates]
const pairs = froms.flatMap((from) => workflowStates.flatMap((to) => workflowRoles.map((role) => ({ from, to, role }))))
const refusalOf = (input: WorkflowChangeInput) => {
  const decision = workflowChange(input)
  return decision.allowed ? null : decision.refusal
}

describe('the workflow table', () => {
  it.each(pairs)('judges $from → $to by a $role as the table says', ({ from, to, role }) => {
    const decision = workflowChange(scenario(from, to, role))
    const steps = stepsBetween(from, to).filter((step) => workflowTable[step].roles.includes(role))
    if (from === to || steps.length > 0) {
      expect(decision).toEqual({ allowed: true, step: from === to ? null : steps[0] })
    } else {
      expect(decision.allowed).toBe(false)
      if (!decision.allowed) {
        expect(describeWorkflowRefusal(decision.refusal, 'en').length).toBeGreaterThan(20)
        expect(describeWorkflowRefusal(decision.refusal, 'km').length).toBeGreaterThan(20)
      }
    }
  })

  it('tells a therapist who passes her own testimony that only a supervisor can, and what to do', () => {
    const input = scenario('supervisorReview', 'readyForReadBack', 'supervisor')
    const therapist = { ...input, role: 'therapist' as const, userId: users.therapist }
    const withoutPass = { ...therapist, after: { ...therapist.after, draft: version('readyForReadBack', { review: undefined }) } }
    const refusal = refusalOf(withoutPass)
    expect(refusal).toEqual({ code: 'roleMayNot', step: 'pass' })
    expect(describeWorkflowRefusal(refusal ?? { code: 'deleted' })).toBe(
      'Only a supervisor can pass a testimony for read-back; submit it for review.',
    )
    expect(refusalOf(therapist)).toEqual({ code: 'reviewByTherapist' })
  })

  it('says where a testimony set to a state by hand should go instead', () => {
    const input = scenario('drafting', 'supervisorReview', 'administrator')
    const refusal = refusalOf({ ...input, after: { draft: version('drafting', { workflowState: 'published' }), published: null } })
    expect(refusal).toEqual({ code: 'noSuchStep', from: 'drafting', to: 'published' })
    expect(describeWorkflowRefusal(refusal ?? { code: 'deleted' })).toContain('Submit it for supervisor review')
    expect(refusalOf(scenario(null, 'approved', 'supervisor'))).toMatchObject({ code: 'noSuchStep', from: null })
  })

  it('refuses a state that is no state', () => {
    const input = scenario('drafting', 'drafting', 'therapist')
    const after = { ...input.after, draft: version('drafting', { workflowState: 'done' }) }
    expect(refusalOf({ ...input, after })).toEqual({ code: 'notAState', value: '"done"' })
  })
})

describe('what each step needs', () => {
  it('a pass names the supervisor who gives it, with when', () => {
    const input = scenario('supervisorReview', 'readyForReadBack', 'supervisor')
    const forged = (review: unknown) => ({ ...input, after: { ...input.after, draft: version('readyForReadBack', { review }) } })
    expect(refusalOf(forged({ passedBy: 'supervisor-other', passedAt: '2026-11-29T10:00:00Z' }))).toEqual({
      code: 'reviewNotOwn',
      userId: users.supervisor,
    })
    expect(refusalOf(forged({ passedBy: users.supervisor }))).toEqual({ code: 'reviewMalformed' })
    expect(refusalOf(forged(undefined))).toEqual({ code: 'passMissing' })
  })

  it('returning removes the pass', () => {
    const input = scenario('readyForReadBack', 'drafting', 'supervisor')
    const kept = { ...input, after: { ...input.after, draft: version('drafting', { review: earlierPass }) } }
    expect(refusalOf(kept)).toEqual({ code: 'passNotCleared' })
  })

  it('recording approval needs a consent record that approves the text as it stands', () => {
    const input = scenario('readyForReadBack', 'approved', 'therapist')
    expect(refusalOf({ ...input, consentsAfter: [] })).toEqual({ code: 'noApproval' })
    const olderSheet = aConsent(aTestimony(), {
      _id: 'consent-old',
      approvedText: { km: `sha256:${'0'.repeat(64)}` },
      approvedPublicText: {},
    })
    expect(refusalOf({ ...input, consentsAfter: [olderSheet] })).toEqual({ code: 'noApproval' })
  })

  it('publishing needs a supervisor’s pass, even when her consent allows it, and the published version marked published', () => {
    const input = scenario('approved', 'published', 'therapist')
    const published = input.after.published ?? version('published')
    expect(refusalOf({ ...input, after: { draft: null, published: { ...published, review: undefined } } })).toEqual({ code: 'notPassed' })
    const before = { ...input.before, draft: version('approved', { review: undefined }) }
    expect(refusalOf({ ...input, before, after: { draft: null, published: { ...published, review: undefined } } })).toEqual({
      code: 'notPassed',
    })
    expect(refusalOf({ ...input, after: { draft: null, published: { ...published, workflowState: 'approved' } } })).toEqual({
      code: 'publishedNotMarked',
    })
    const draftOnly = { draft: version('published', { _id: 'drafts.testimony-test-1' }), published: null }
    expect(refusalOf({ ...input, after: draftOnly })).toEqual({ code: 'notPublished' })
  })

  it('takes a testimony off the site only with a withdrawal', () => {
    const input = scenario('published', 'withdrawn', 'therapist')
    expect(refusalOf({ ...input, consentsAfter: input.consentsBefore })).toEqual({ code: 'noWithdrawal' })
    const unpublished = { draft: version('published', { _id: 'drafts.testimony-test-1' }), published: null }
    expect(refusalOf({ ...input, after: unpublished, consentsAfter: input.consentsBefore })).toEqual({
      code: 'unpublishedWithoutWithdrawal',
    })
  })

  it('lets a new approval of an edited draft take the older published text off, the draft staying approved', () => {
    const published = version('published')
    const publicVersion = { ...published.publicVersion, hopes: { en: 'Words added after the read-back.' } }
    const edited = version('readyForReadBack', { publicVersion })
    const approved = { ...edited, workflowState: 'approved', _rev: 'rev-after' }
    const input = scenario('readyForReadBack', 'approved', 'therapist')
    const newApproval = aConsent(approved, { _id: 'consent-2', dateGiven: '2026-11-01', testimony: { _ref: 'testimony-test-1' } })
    const change = {
      ...input,
      before: { draft: edited, published },
      after: { draft: approved, published: null },
      consentsBefore: [aConsent(published, { _id: 'consent-1' })],
      consentsAfter: [aConsent(published, { _id: 'consent-1' }), newApproval],
    }
    expect(workflowChange(change)).toEqual({ allowed: true, step: 'recordApproval' })
    expect(refusalOf({ ...change, consentsAfter: change.consentsBefore })).toEqual({ code: 'unpublishedWithoutWithdrawal' })
  })

  it('counts a changed consent that no longer allows the published testimony as a withdrawal', () => {
    const input = scenario('published', 'withdrawn', 'supervisor')
    const moved = { ...input, consentsAfter: [] }
    expect(workflowChange(moved)).toEqual({ allowed: true, step: 'withdraw' })
  })

  it('sends an approved testimony back for read-back only when its text is edited', () => {
    const input = scenario('approved', 'readyForReadBack', 'therapist')
    expect(workflowChange(input)).toEqual({ allowed: true, step: 'sendBack' })
    const unedited = { ...input, after: { ...input.after, draft: version('readyForReadBack', { _rev: 'r2' }) } }
    expect(refusalOf(unedited)).toEqual({ code: 'textNotEdited' })
  })

  it('never lets the text of a published version change in place', () => {
    const input = scenario('published', 'published', 'administrator')
    const edited = version('published', { _rev: 'r2', hopes: { en: 'Words she never said.' } })
    expect(refusalOf({ ...input, after: { draft: null, published: edited } })).toEqual({ code: 'publishedTextEdited' })
  })

  it('lets a draft be discarded back to the published version, and never lets a testimony be deleted', () => {
    const published = version('published')
    const before = { draft: version('readyForReadBack'), published }
    const input = { ...scenario('published', 'published', 'therapist'), before }
    expect(workflowChange({ ...input, after: { draft: null, published } })).toEqual({ allowed: true, step: null })
    expect(refusalOf({ ...input, after: { draft: null, published: null } })).toEqual({ code: 'deleted' })
  })
})

describe('the judge, for any change', () => {
  const state = fc.constantFrom(...workflowStates)
  it('allows a move only by a step of the table open to that role, and explains every refusal in both languages', () => {
    fc.assert(
      fc.property(fc.option(state), state, fc.constantFrom(...workflowRoles), fc.boolean(), (from, to, role, dropPass) => {
        const input = scenario(from, to, role)
        const draft = input.after.draft && dropPass ? { ...input.after.draft, review: undefined } : input.after.draft
        const decision = workflowChange({ ...input, after: { ...input.after, draft } })
        if (decision.allowed) {
          if (decision.step === null) return
          expect(workflowTable[decision.step].roles).toContain(role)
          expect(workflowTable[decision.step].from).toContain(from)
          expect(workflowTable[decision.step].to).toBe(to)
        } else {
          for (const language of ['en', 'km'] as const) expect(describeWorkflowRefusal(decision.refusal, language)).not.toBe('')
        }
      }),
      { numRuns: 300 },
    )
  })
})
