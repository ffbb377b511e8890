// The workflow as the Studio takes it: the state it shows, the review steps it offers (the consent
// core's workflow table decides which), what each step writes on the draft, and why Publish is not
// open yet. Nothing here re-decides a rule: the core does, and the lake checks it again.
import type { Mutation } from '@sanity/client'
import {
  describeWorkflowRefusal,
  sendsBackForReadBack,
  stepAvailable,
  testimonyDocument,
  workflowChange,
  workflowStateOf,
  type ConsentDocument,
  type Language,
  type TestimonyDocument,
  type WorkflowRole,
  type WorkflowState,
  draftIdOf,
  publishedIdOf,
} from '../../core/index.ts'
import { publicStoryMutations, type StoryState } from './publicStoryWrite.ts'

/** The steps of review that have a button: submit, return with comments, pass for read-back. */
export const reviewSteps = ['submit', 'return', 'pass'] as const
export type ReviewStep = (typeof reviewSteps)[number]

// Every action of the open testimony asks at each keystroke; each version is read once.
const read = new WeakMap<object, TestimonyDocument | null>()
function parsed(document: unknown): TestimonyDocument | null {
  if (typeof document !== 'object' || document === null) return null
  const known = read.get(document)
  if (known !== undefined) return known
  const result = testimonyDocument.safeParse(document)
  read.set(document, result.success ? result.data : null)
  return result.success ? result.data : null
}

/**
 * The state to show: as stored, except that a draft of a published testimony whose approved text
 * has been edited is already shown back at read-back, as the lake will store it once saved.
 */
export function shownState(draftValue: unknown, publishedValue: unknown): WorkflowState | null {
  const [draft, published] = [parsed(draftValue), parsed(publishedValue)]
  const current = draft ?? published
  if (!current) return null
  const state = workflowStateOf(current)
  if (draft && state === 'published' && sendsBackForReadBack({ draft: null, published }, { draft, published })) return 'readyForReadBack'
  return state
}

/** Whether the Studio offers this step to this person now (the table's answer; a new testimony counts as a draft). */
export function stepOffered(step: ReviewStep | 'recordApproval', state: WorkflowState | null, role: WorkflowRole): boolean {
  return stepAvailable(step, state ?? 'drafting', role)
}

export interface ReviewNote {
  _key: string
  _type: 'reviewNote'
  note: string
  by: string
  at: string
}

export interface StepInput {
  publishedId: string
  userId: string
  /** When the step is taken, as an ISO date and time. */
  now: string
  /** The supervisor's comment when she returns a draft. */
  note: { _key: string; text: string } | null
}

/**
 * What a step writes, as Actions API edits of the draft (an edit of a testimony that has no draft
 * starts one from the published version): the new state; passing records who passed it and when;
 * returning removes the pass (the draft is reviewed again) and adds her comment.
 */
export function stepEdits(step: ReviewStep, input: StepInput) {
  const ids = { draftId: draftIdOf(input.publishedId), publishedId: input.publishedId }
  const edit = (patch: Record<string, unknown>) => ({ actionType: 'sanity.action.document.edit' as const, ...ids, patch })
  if (step === 'submit') return [edit({ set: { workflowState: 'supervisorReview' } })]
  if (step === 'pass')
    return [edit({ set: { workflowState: 'readyForReadBack', review: { passedBy: input.userId, passedAt: input.now } } })]
  const text = input.note?.text.trim() ?? ''
  const note: ReviewNote | null =
    input.note && text ? { _key: input.note._key, _type: 'reviewNote', note: text, by: input.userId, at: input.now } : null
  return [
    edit({ set: { workflowState: 'drafting' }, unset: ['review'] }),
    ...(note ? [edit({ setIfMissing: { reviewNotes: [] } }), edit({ insert: { after: 'reviewNotes[-1]', items: [note] } })] : []),
  ]
}

/** Why the workflow does not let this person publish the draft yet (empty when it does). */
export function publishStepRefusals(input: {
  draft: unknown
  published: unknown
  role: WorkflowRole
  userId: string
  consents: ReadonlyArray<ConsentDocument>
  today: string
  language: Language
}): string[] {
  const [draft, published] = [parsed(input.draft), parsed(input.published)]
  if (!draft) return []
  const publishedId = publishedIdOf(draft._id)
  const decision = workflowChange({
    before: { draft, published },
    after: { draft: null, published: { ...draft, _id: publishedId, workflowState: 'published' } },
    role: input.role,
    userId: input.userId,
    consentsBefore: input.consents,
    consentsAfter: input.consents,
    today: input.today,
  })
  return decision.allowed ? [] : [describeWorkflowRefusal(decision.refusal, input.language)]
}

/**
 * Publishing, as one transaction: the draft exactly as the Studio judged it, marked published,
 * replaces the published document, the draft goes, and the public story (what the site may read of
 * it) is written. The first mutation checks that the stored draft is still the revision judged, so
 * that a colleague's edit, or a change not yet saved, refuses the publish instead of being published
 * unseen; the lake checks the consent again. (Sanity's own publish once did the same, with the same guard.)
 */
export function publishMutations(publishedId: string, draft: Record<string, unknown> & { _rev: string }, state: StoryState): Mutation[] {
  const draftId = draftIdOf(publishedId)
  const { _rev, _updatedAt, _id, ...content } = draft
  void [_updatedAt, _id]
  const published = { ...content, _id: publishedId, _type: 'testimony', workflowState: 'published' }
  return [
    { patch: { id: draftId, ifRevisionID: _rev, unset: ['_empty_action_guard_pseudo_field_'] } },
    { createOrReplace: published },
    { delete: { id: draftId } },
    ...publicStoryMutations({ testimonyId: publishedId, published, consents: state.consents, previousStory: state.previousStory }),
  ]
}
