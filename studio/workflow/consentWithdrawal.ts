// Withdrawing consent, as one transaction: the withdrawal of every scope she granted is added to the
// consent record in force, the testimony's draft is marked withdrawn and, when the consent core no
// longer allows the published testimony, it is unpublished in the same transaction (its text kept as
// that draft), and its public story loses the story. Recording a withdrawal is never refused. To
// narrow what she allows instead, a new approval with fewer scopes is recorded.
import type { Mutation } from '@sanity/client'
import {
  consentInForce,
  publicationRefusals,
  testimonyDocument,
  type ConsentDocument,
  type ConsentScope,
  type TestimonyDocument,
  draftIdOf,
} from '../../core/index.ts'
import { publicStoryMutations } from './publicStoryWrite.ts'

export interface WithdrawalInput {
  published: Record<string, unknown> | null
  draft: Record<string, unknown> | null
  testimonyId: string
  consents: ReadonlyArray<ConsentDocument>
  method: string
  today: string
  recordedBy: string
  key: string
  /** The public story stored now, if any. */
  previousStory: Readonly<Record<string, unknown>> | null
}

export type WithdrawalPlan =
  { possible: false; reason: 'noConsent' } | { possible: true; mutations: Mutation[]; unpublishes: boolean; scopes: ConsentScope[] }

export function planWithdrawal(input: WithdrawalInput): WithdrawalPlan {
  const inForce = consentInForce(input.testimonyId, input.consents)
  if (!inForce) return { possible: false, reason: 'noConsent' }
  const scopes = [...(inForce.scopes ?? [])]
  const withdrawal = { _key: input.key, _type: 'withdrawal', date: input.today, method: input.method, recordedBy: input.recordedBy, scopes }
  const after: ConsentDocument = { ...inForce, withdrawals: [...(inForce.withdrawals ?? []), withdrawal] }
  const consentsAfter = input.consents.map((c) => (c._id === inForce._id ? after : c))

  const published = parseTestimony(input.published)
  const unpublishes = published !== null && publicationRefusals(published, consentsAfter, input.today).length > 0
  const mutations: Mutation[] = [
    { patch: { id: inForce._id, setIfMissing: { withdrawals: [] }, insert: { after: 'withdrawals[-1]', items: [withdrawal] } } },
  ]
  const source = input.draft ?? input.published
  if (source) {
    const { _rev, _updatedAt, _createdAt, ...content } = source
    void [_rev, _updatedAt, _createdAt]
    mutations.push({ createOrReplace: { ...content, _type: 'testimony', _id: draftIdOf(input.testimonyId), workflowState: 'withdrawn' } })
  }
  if (unpublishes) mutations.push({ delete: { id: input.testimonyId } })
  mutations.push(
    ...publicStoryMutations({
      testimonyId: input.testimonyId,
      published: unpublishes ? null : input.published,
      consents: consentsAfter,
      previousStory: input.previousStory,
    }),
  )
  return { possible: true, mutations, unpublishes, scopes }
}

function parseTestimony(document: Record<string, unknown> | null): TestimonyDocument | null {
  const parsed = testimonyDocument.safeParse(document)
  return parsed.success ? parsed.data : null
}
