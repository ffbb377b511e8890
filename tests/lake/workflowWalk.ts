// Takes a testimony through the workflow over HTTP, step by step as the Studio does (a draft,
// submitted, passed by a supervisor, approved with her consent, published), so that a test can
// start from any state the lake would accept.
import type { SanityClient } from '@sanity/client'

export const walkedStates = ['drafting', 'supervisorReview', 'readyForReadBack', 'approved', 'published'] as const
export type WalkedState = (typeof walkedStates)[number]

export interface Walk {
  /** A client that may take every step (a supervisor or an administrator), and its user id. */
  client: SanityClient
  userId: string
  /** The testimony, with its published id. */
  testimony: { _id: string; _type: string } & Record<string, unknown>
  /** The consent record approving its text, recorded with the approval. */
  consent: { _id: string; _type: string } & Record<string, unknown>
  /** The first step taken (a walk stopped at `approved` goes on to `published` from there); a new draft by default. */
  from?: WalkedState
}

export async function walkTo(state: WalkedState, { client, userId, testimony, consent, from = 'drafting' }: Walk): Promise<void> {
  const id = testimony._id
  const draftId = `drafts.${id}`
  const steps: Record<WalkedState, () => Promise<unknown>> = {
    // A new testimony: whatever state or pass the given one carries, it starts as a draft, unpassed.
    drafting: () => client.create({ ...testimony, _id: draftId, workflowState: 'drafting', review: undefined }),
    supervisorReview: () => client.patch(draftId).set({ workflowState: 'supervisorReview' }).commit(),
    readyForReadBack: () =>
      client
        .patch(draftId)
        .set({ workflowState: 'readyForReadBack', review: { passedBy: userId, passedAt: '2026-11-20T09:00:00Z' } })
        .commit(),
    approved: () =>
      client
        .transaction()
        .create(consent)
        .patch(draftId, { set: { workflowState: 'approved' } })
        .commit(),
    published: () =>
      client.action([
        { actionType: 'sanity.action.document.edit', draftId, publishedId: id, patch: { set: { workflowState: 'published' } } },
        { actionType: 'sanity.action.document.publish', draftId, publishedId: id },
      ]),
  }
  for (const step of walkedStates.slice(walkedStates.indexOf(from), walkedStates.indexOf(state) + 1)) await steps[step]()
}

/** The walk of a fixture's testimony and consent (as `oneLanguageStory` gives them) by an administrator's client. */
export function fixtureWalk(client: SanityClient, [testimony, consent]: ReadonlyArray<Record<string, unknown>>): Walk {
  return {
    client,
    userId: 'admin-test',
    testimony: { ...testimony, _id: String(testimony?._id), _type: 'testimony' },
    consent: { ...consent, _id: String(consent?._id), _type: 'consentRecord' },
  }
}
