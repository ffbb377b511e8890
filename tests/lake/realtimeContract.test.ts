// The lake's side of Sanity's real-time contract, which the Studio's optimistic editing rebases on:
// two sessions patch one testimony at once, and the pair listener the Studio opens (mendoza effects,
// mutations, resume) sees every transaction once, in commit order, with an unbroken revision chain,
// each session's own transactions back in the order it sent them, and effects and mutations that
// each rebuild the stored document exactly.
import { Mutation } from '@sanity/mutator'
import type { MutationEvent } from '@sanity/client'
import { applyPatch } from 'mendoza'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { aTestimony } from '../core/fixtures.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'

let harness: LakeHarness

// The client types a mutation's id as one or several, the Studio's mutator as one: what the lake
// sends (the document's new state, or its deletion) is checked and typed for the mutator here.
const eventMutations = z.array(
  z.union([
    z.object({ createOrReplace: z.looseObject({ _id: z.string(), _type: z.string() }) }),
    z.object({ delete: z.object({ id: z.string() }) }),
  ]),
)

const draftId = 'drafts.testimony-together'
beforeAll(async () => {
  harness = await startLake()
})
afterAll(() => harness.stop())

const english = 'I hope that my grandchildren learn what happened.'
const khmer = 'ខ្ញុំសង្ឃឹមថាចៅៗរបស់ខ្ញុំនឹងរៀន។'

describe('two sessions editing one testimony, as the Studio’s pair listener sees it', () => {
  it('delivers every transaction once, in order, with revisions, effects and mutations that rebuild the document', async () => {
    const admin = harness.client('administrator')
    const created = await admin.create({
      ...aTestimony({ _id: draftId, slug: { current: 'together' }, themes: [], ceremony: undefined }),
      therapist: 'therapist-sophea',
      workflowState: 'drafting',
    })
    const events: MutationEvent[] = []
    const listening = admin.listen(
      '*[_id in $ids]',
      { ids: [draftId, 'testimony-together'] },
      {
        events: ['welcome', 'mutation'],
        effectFormat: 'mendoza',
        includeAllVersions: true,
        enableResume: true,
      },
    )
    let welcomed = () => {}
    const subscription = listening.subscribe((event) => {
      if (event.type === 'welcome') welcomed()
      if (event.type === 'mutation') events.push(event)
    })
    await new Promise<void>((resolve) => (welcomed = resolve))

    // Each session sends one transaction per keystroke and waits for it, as the Studio does; the
    // two sessions type at the same time, into two fields of the same draft.
    const typeInto = async (role: 'therapist' | 'supervisor', field: 'en' | 'km', text: string) => {
      const client = harness.client(role)
      const sent: string[] = []
      for (let length = 1; length <= text.length; length++) {
        const transactionId = `${role}-${length}`
        sent.push(transactionId)
        await client
          .patch(draftId)
          .set({ [`publicVersion.hopes.${field}`]: text.slice(0, length) })
          .commit({ transactionId, visibility: 'async' })
      }
      return sent
    }
    const [therapistSent, supervisorSent] = await Promise.all([typeInto('therapist', 'en', english), typeInto('supervisor', 'km', khmer)])
    await expect.poll(() => events.length, { timeout: 10_000 }).toBe(therapistSent.length + supervisorSent.length)

    const stored = await admin.getDocument(draftId)
    expect(stored?.publicVersion).toMatchObject({ hopes: { en: english, km: khmer } })

    // Once each, and each session's own in the order it sent them.
    const seen = events.map((event) => event.transactionId)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.filter((id) => id.startsWith('therapist-'))).toEqual(therapistSent)
    expect(seen.filter((id) => id.startsWith('supervisor-'))).toEqual(supervisorSent)

    // An unbroken chain from the created revision to the stored one; effects and mutations each
    // take the previous state to the next, and the effects' revert takes it back.
    let state: unknown = created
    for (const event of events) {
      expect(event.documentId).toBe(draftId)
      expect(event.previousRev).toBe(z.object({ _rev: z.string() }).parse(state)._rev)
      expect(event.resultRev).toBe(event.transactionId)
      const applied: unknown = applyPatch(state, event.effects?.apply ?? [])
      const viaMutations = new Mutation({
        mutations: eventMutations.parse(event.mutations),
        resultRev: event.resultRev,
        timestamp: event.timestamp,
      }).apply(z.looseObject({ _id: z.string(), _type: z.string() }).parse(state))
      expect(viaMutations).toEqual(applied)
      expect(applyPatch(applied, event.effects?.revert ?? [])).toEqual(state)
      state = viaMutations
    }
    expect(state).toEqual(stored)
    subscription.unsubscribe()
  }, 60_000)
})
