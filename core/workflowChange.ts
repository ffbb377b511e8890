// The workflow judge: may this change of a testimony (its draft and published versions, before and
// after) be made by this person? Allowed, naming the step of the table it takes, or refused with
// the reason. The lake asks it of every write; the Studio asks it before offering a step.
import { consentInForce, isRecordedConsent, type ConsentDocument } from './consentDocument.ts'
import { publicationRefusals } from './publicationRefusals.ts'
import { approvableTextEdited, approvesCurrentText } from './readBackRule.ts'
import type { TestimonyDocument } from './testimonyDocument.ts'
import type { WorkflowRefusal } from './workflowRefusals.ts'
import { stepsBetween, workflowTable, type WorkflowNeed, type WorkflowStep } from './workflowTable.ts'
import { currentVersion, reviewPass, reviewPassOf, workflowStateOf, type TestimonyGroup, type WorkflowRole } from './workflowStates.ts'

export interface WorkflowChangeInput {
  before: TestimonyGroup
  after: TestimonyGroup
  role: WorkflowRole
  userId: string
  /** The testimony's consent records before and after the change (drafts of records do not count). */
  consentsBefore: ReadonlyArray<ConsentDocument>
  consentsAfter: ReadonlyArray<ConsentDocument>
  /** Today as YYYY-MM-DD, passed in so that the rule does not read a clock. */
  today: string
}

export type WorkflowDecision = { allowed: true; step: WorkflowStep | null } | { allowed: false; refusal: WorkflowRefusal }

const allow = (step: WorkflowStep | null): WorkflowDecision => ({ allowed: true, step })
const refuse = (refusal: WorkflowRefusal): WorkflowDecision => ({ allowed: false, refusal })

export function workflowChange(input: WorkflowChangeInput): WorkflowDecision {
  const { before, after } = input
  const was = currentVersion(before)
  const is = currentVersion(after)
  if (!is) return was ? refuse({ code: 'deleted' }) : allow(null)
  const to = workflowStateOf(is)
  if (to === null) return refuse({ code: 'notAState', value: shownValue(is.workflowState) })
  // A state stored before these rules that is no state counts as a draft.
  const from = was ? (workflowStateOf(was) ?? 'drafting') : null
  // Discarding a draft goes back to the published version as it was, state and pass included.
  if (before.draft && !after.draft && before.published && same(before.published, after.published)) return allow(null)

  const publication = publicationRefusal(input, to)
  if (publication) return refuse(publication)
  const review = reviewRefusal(was, is, input)
  if (review) return refuse(review)
  if (from === to) return allow(null)

  const steps = stepsBetween(from, to)
  if (steps.length === 0) return refuse({ code: 'noSuchStep', from, to })
  let refusal: WorkflowRefusal | null = null
  for (const step of steps) {
    const transition = workflowTable[step]
    if (!transition.roles.includes(input.role)) {
      refusal ??= { code: 'roleMayNot', step }
      continue
    }
    const unmet = transition.needs.find((need) => !needs[need].met(input))
    if (!unmet) return allow(step)
    refusal ??= needs[unmet].refusal
  }
  return refuse(refusal ?? { code: 'noSuchStep', from, to })
}

/**
 * What is true of a published version: it is marked published, a supervisor passed it, and it
 * leaves the site only by a withdrawal, or when a change of her consent records (a new approval of
 * an edited text, say) no longer allows it. Its text changes only by publishing an approved draft.
 */
function publicationRefusal(input: WorkflowChangeInput, to: string): WorkflowRefusal | null {
  const { before, after } = input
  if (before.published && !after.published) {
    return to === 'withdrawn' || consentNoLongerAllows(input) ? null : { code: 'unpublishedWithoutWithdrawal' }
  }
  if (!after.published || same(before.published, after.published)) return null
  if (workflowStateOf(after.published) !== 'published') return { code: 'publishedNotMarked' }
  if (!reviewPassOf(after.published)) return { code: 'notPassed' }
  const publishing = before.draft !== null && after.draft === null
  if (!publishing && before.published && approvableTextEdited(before.published, after.published)) return { code: 'publishedTextEdited' }
  return null
}

/** Only a supervisor or an administrator writes the pass, and only in her own name. */
function reviewRefusal(was: TestimonyDocument | null, is: TestimonyDocument, input: WorkflowChangeInput): WorkflowRefusal | null {
  const [before, after] = [was?.review ?? null, is.review ?? null]
  if (sameValue(before, after)) return null
  if (input.role === 'therapist') return { code: 'reviewByTherapist' }
  if (after === null) return null
  const pass = reviewPass.safeParse(after)
  if (!pass.success) return { code: 'reviewMalformed' }
  return pass.data.passedBy === input.userId ? null : { code: 'reviewNotOwn', userId: input.userId }
}

const needs: Record<WorkflowNeed, { met: (input: WorkflowChangeInput) => boolean; refusal: WorkflowRefusal }> = {
  passCleared: { met: ({ after }) => (currentVersion(after)?.review ?? null) === null, refusal: { code: 'passNotCleared' } },
  ownPass: { met: ({ after, userId }) => reviewPassOf(currentVersion(after))?.passedBy === userId, refusal: { code: 'passMissing' } },
  approval: {
    met: ({ after, consentsAfter }) => {
      const testimony = currentVersion(after)
      return testimony !== null && approvesCurrentText(testimony, consentInForce(testimony._id, consentsAfter))
    },
    refusal: { code: 'noApproval' },
  },
  publishedVersion: {
    met: ({ before, after }) => after.draft === null && after.published !== null && !same(before.published, after.published),
    refusal: { code: 'notPublished' },
  },
  supervisorPass: { met: ({ after }) => reviewPassOf(currentVersion(after)) !== null, refusal: { code: 'notPassed' } },
  withdrawal: { met: withdrawalRecorded, refusal: { code: 'noWithdrawal' } },
  textEdited: {
    met: ({ before, after }) => approvableTextEdited(currentVersion(before), currentVersion(after)),
    refusal: { code: 'textNotEdited' },
  },
}

const recorded = (consents: ReadonlyArray<ConsentDocument>) => consents.filter(isRecordedConsent)

/** A withdrawal added to one of her consent records, or her records changed so that the published
 * testimony may no longer be public (the lake then takes it off in the same transaction). */
function withdrawalRecorded(input: WorkflowChangeInput): boolean {
  const withdrawals = (consents: ReadonlyArray<ConsentDocument>) =>
    recorded(consents).reduce((count, consent) => count + (consent.withdrawals?.length ?? 0), 0)
  return withdrawals(input.consentsAfter) > withdrawals(input.consentsBefore) || consentNoLongerAllows(input)
}

/** This change of her consent records leaves the published version without her consent. */
function consentNoLongerAllows({ before, consentsBefore, consentsAfter, today }: WorkflowChangeInput): boolean {
  if (!before.published || sameValue(recorded(consentsBefore), recorded(consentsAfter))) return false
  return publicationRefusals(before.published, consentsAfter, today).length > 0
}

function same(a: TestimonyDocument | null, b: TestimonyDocument | null): boolean {
  if (a === null || b === null) return a === b
  if (a._rev !== undefined && b._rev !== undefined) return a._rev === b._rev
  return sameValue(a, b)
}

/** Deep equality of JSON values, key order aside; a missing value equals null. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null
  if (b === undefined) b = null
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]))
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].every((key) => sameValue(Reflect.get(a, key), Reflect.get(b, key)))
}

function shownValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 37)}…` : text
}
