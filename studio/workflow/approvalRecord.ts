// Recording the survivor's approval from the signed read-back sheet. The code she approved on paper
// must be the code of the text in the archive now; otherwise the approval is refused with the
// reason, because the paper and the system disagree and she has not approved what is stored.
import type { Mutation } from '@sanity/client'
import {
  approvableText,
  approvalCode,
  readApprovalCode,
  textHash,
  type ApprovedText,
  type ConsentDocument,
  type ConsentScope,
  type Language,
  type TestimonyDocument,
  draftIdOf,
  publishedIdOf,
} from '../../core/index.ts'
import { publicStoryMutations, type StoryState } from './publicStoryWrite.ts'

export const textParts = ['full.km', 'full.en', 'public.km', 'public.en'] as const
export type TextPart = (typeof textParts)[number]
export const partOf: Record<TextPart, { text: ApprovedText; language: Language }> = {
  'full.km': { text: 'full', language: 'km' },
  'full.en': { text: 'full', language: 'en' },
  'public.km': { text: 'public', language: 'km' },
  'public.en': { text: 'public', language: 'en' },
}

export const consentMethodValues = ['signature', 'thumbprint', 'spokenWitnessed', 'spokenRecorded'] as const
export type ConsentMethod = (typeof consentMethodValues)[number]

export interface ApprovalForm {
  codes: Partial<Record<TextPart, string>>
  scopes: ConsentScope[]
  method: ConsentMethod | null
  explainedIn: string
  witnessName: string
  witnessRole: string
  dateGiven: string
  reviewDate: string
  /** The day before which her story must not be public, if she asked to wait; empty or absent if not. */
  notBefore?: string
}

export type ApprovalProblem =
  | { code: 'noCode' }
  | { code: 'codeUnreadable'; part: TextPart; typed: string }
  | { code: 'codeTypo'; part: TextPart; typed: string }
  | { code: 'codeOfAnotherText'; part: TextPart; typed: string }
  | { code: 'noText'; part: TextPart }
  | { code: 'noScopes' }
  | { code: 'noMethod' }
  | { code: 'witnessNeeded' }
  | { code: 'dateInFuture'; date: string }
  | { code: 'reviewNotAfterGiven' }
  | { code: 'holdNotAfterGiven' }
  | { code: 'holdNotBeforeReview' }

export interface ApprovalInput {
  testimony: TestimonyDocument
  inForce: ConsentDocument | null
  form: ApprovalForm
  today: string
  recordedBy: string
  recordId: string
}

/** The texts of the testimony that exist and can be read back, with their hash and code. */
export function readBackParts(testimony: TestimonyDocument): Array<{ part: TextPart; text: string; hash: string; code: string }> {
  return textParts.flatMap((part) => {
    const text = approvableText(testimony, partOf[part].text, partOf[part].language)
    if (text === '') return []
    const hash = textHash(text)
    return [{ part, text, hash, code: approvalCode(hash) }]
  })
}

export function defaultReviewDate(dateGiven: string): string {
  const [year, rest] = [Number(dateGiven.slice(0, 4)), dateGiven.slice(4)]
  return `${year + 1}${rest === '-02-29' ? '-02-28' : rest}`
}

export function checkApproval(
  input: ApprovalInput,
): { ok: true; record: Record<string, unknown> } | { ok: false; problems: ApprovalProblem[] } {
  const { form, testimony } = input
  const current = new Map(readBackParts(testimony).map((p) => [p.part, p]))
  const problems: ApprovalProblem[] = []
  const approved = new Map<TextPart, string>()
  for (const part of textParts) {
    const typed = form.codes[part]?.trim() ?? ''
    if (typed === '') continue
    const stored = current.get(part)
    const read = readApprovalCode(typed)
    // A code that is not this text's is never answered with the right one: the code is how the
    // signed paper proves it is the text being recorded, so it must come from the paper.
    if (!stored) problems.push({ code: 'noText', part })
    else if (read.kind === 'unreadable') problems.push({ code: 'codeUnreadable', part, typed })
    else if (read.kind === 'typo') problems.push({ code: 'codeTypo', part, typed })
    else if (read.code !== stored.code) problems.push({ code: 'codeOfAnotherText', part, typed: read.code })
    else approved.set(part, stored.hash)
  }
  if (approved.size === 0 && problems.length === 0) problems.push({ code: 'noCode' })
  if (form.scopes.length === 0) problems.push({ code: 'noScopes' })
  if (form.method === null) problems.push({ code: 'noMethod' })
  if (form.method === 'spokenWitnessed' && form.witnessName.trim() === '') problems.push({ code: 'witnessNeeded' })
  if (form.dateGiven > input.today) problems.push({ code: 'dateInFuture', date: form.dateGiven })
  if (form.reviewDate <= form.dateGiven) problems.push({ code: 'reviewNotAfterGiven' })
  const notBefore = form.notBefore?.trim() ?? ''
  // A hold that ends on or after the review date would never let the story out before she is asked again.
  if (notBefore !== '' && notBefore <= form.dateGiven) problems.push({ code: 'holdNotAfterGiven' })
  else if (notBefore !== '' && notBefore >= form.reviewDate) problems.push({ code: 'holdNotBeforeReview' })
  if (problems.length > 0) return { ok: false, problems }

  // A part she did not approve today keeps the approval it had, so approving the public version
  // later does not undo her approval of the full testimony.
  const hashes = (text: ApprovedText) => {
    const earlier = text === 'full' ? input.inForce?.approvedText : input.inForce?.approvedPublicText
    const entry = (language: Language) => approved.get(`${text}.${language}`) ?? earlier?.[language] ?? undefined
    return Object.fromEntries((['km', 'en'] as const).flatMap((l) => (entry(l) ? [[l, entry(l)]] : [])))
  }
  const witness = form.witnessName.trim() === '' ? {} : { witness: { name: form.witnessName.trim(), role: form.witnessRole.trim() } }
  return {
    ok: true,
    record: {
      _id: input.recordId,
      _type: 'consentRecord',
      testimony: { _type: 'reference', _ref: publishedIdOf(testimony._id), _weak: true },
      // The testimony's therapist may see the record (the lake's grants read it from here).
      ...(typeof testimony.therapist === 'string' ? { therapist: testimony.therapist } : {}),
      scopes: [...form.scopes],
      method: form.method,
      explainedIn: form.explainedIn,
      ...witness,
      dateGiven: form.dateGiven,
      reviewDate: form.reviewDate,
      ...(notBefore !== '' ? { notBefore } : {}),
      recordedBy: input.recordedBy,
      approvedText: hashes('full'),
      approvedPublicText: hashes('public'),
    },
  }
}

/**
 * Recording her approval, as one transaction: the consent record, the testimony's draft (begun
 * from the published version when there is none) marked approved, and the public story of a
 * published testimony as the new record leaves it. The lake refuses the state unless the record
 * approves the text as it stands.
 */
export function approvalMutations(
  publishedId: string,
  record: { _id: string; _type: string } & Record<string, unknown>,
  current: Record<string, unknown> | null,
  state: StoryState & { published: Record<string, unknown> | null },
): Mutation[] {
  const draftId = draftIdOf(publishedId)
  const { _rev, _updatedAt, _createdAt, _id, ...content } = current ?? {}
  void [_rev, _updatedAt, _createdAt, _id]
  return [
    { create: record },
    ...(current ? [{ createIfNotExists: { ...content, _id: draftId, _type: 'testimony' } }] : []),
    { patch: { id: draftId, set: { workflowState: 'approved' } } },
    ...(state.published || state.previousStory
      ? publicStoryMutations({
          testimonyId: publishedId,
          published: state.published,
          consents: [...state.consents, record],
          previousStory: state.previousStory,
        })
      : []),
  ]
}
