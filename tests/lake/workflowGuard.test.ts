// The lake enforces the testimony workflow over HTTP, whoever writes and however: a therapist starts
// her own case, moves it only by the table's steps, never forges a pass; nothing is published that
// no supervisor passed; an edit of an approved text sends it back for read-back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aConsent, aTestimony, today } from '../core/fixtures.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { walkTo, type Walk } from './workflowWalk.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake({ today })
})
afterAll(async () => {
  await harness.stop()
})

const own = (id: string) => ({
  ...aTestimony({ _id: id, slug: { current: id } }),
  survivor: { _type: 'reference', _ref: `survivor-${id}` },
  therapist: 'therapist-sophea',
})
const walk = (id: string): Walk => ({
  client: harness.client('supervisor'),
  userId: 'supervisor-test',
  testimony: own(id),
  consent: { ...aConsent(own(id), { _id: `consent-${id}`, testimony: { _ref: id } }), therapist: 'therapist-sophea' },
})
const refused = (reason: string) => ({ statusCode: 409, message: expect.stringContaining(reason) })
const stateOf = async (id: string) => (await harness.client('supervisor').getDocument(id))?.workflowState

describe('a therapist’s own case', () => {
  it('starts with her survivor and her testimony, in drafting', async () => {
    const therapist = harness.client('therapist')
    await therapist.create({ _id: 'survivor-w-1', _type: 'survivor', name: 'Fictional', assignedTherapist: 'therapist-sophea' })
    await therapist.action({
      actionType: 'sanity.action.document.create',
      publishedId: 'w-1',
      attributes: { ...own('w-1'), _id: 'drafts.w-1', workflowState: 'drafting' },
      ifExists: 'fail',
    })
    expect(await stateOf('drafts.w-1')).toBe('drafting')
  })

  it('refuses a testimony started in another state', async () => {
    await expect(harness.client('therapist').create({ ...own('w-x'), _id: 'drafts.w-x', workflowState: 'approved' })).rejects.toMatchObject(
      refused('A new testimony starts in Drafting'),
    )
  })

  it('refuses setting the state by hand, saying what to do instead', async () => {
    const therapist = harness.client('therapist')
    await expect(therapist.patch('drafts.w-1').set({ workflowState: 'published' }).commit()).rejects.toMatchObject(
      refused('does not go from "Drafting" to "Published". Submit it for supervisor review.'),
    )
    await therapist.patch('drafts.w-1').set({ workflowState: 'supervisorReview' }).commit()
    await expect(therapist.patch('drafts.w-1').set({ workflowState: 'readyForReadBack' }).commit()).rejects.toMatchObject(
      refused('Only a supervisor can pass a testimony for read-back; submit it for review'),
    )
    expect(await stateOf('drafts.w-1')).toBe('supervisorReview')
  })

  it('refuses a pass she forges, even in a supervisor’s name', async () => {
    const forged = { workflowState: 'readyForReadBack', review: { passedBy: 'supervisor-test', passedAt: '2026-11-29T10:00:00Z' } }
    await expect(harness.client('therapist').patch('drafts.w-1').set(forged).commit()).rejects.toMatchObject(
      refused('Only a supervisor or an administrator records the pass for read-back'),
    )
    await expect(
      harness
        .client('supervisor')
        .patch('drafts.w-1')
        .set({ ...forged, review: { ...forged.review, passedBy: 'supervisor-other' } })
        .commit(),
    ).rejects.toMatchObject(refused('must be your own user id, "supervisor-test"'))
  })

  it('is passed by a supervisor, who is recorded with the time', async () => {
    const review = { passedBy: 'supervisor-test', passedAt: '2026-11-29T10:00:00Z' }
    await harness.client('supervisor').patch('drafts.w-1').set({ workflowState: 'readyForReadBack', review }).commit()
    expect(await harness.client('therapist').getDocument('drafts.w-1')).toMatchObject({ workflowState: 'readyForReadBack', review })
  })
})

describe('publication', () => {
  it('is refused for a testimony no supervisor passed, even when her consent allows it', async () => {
    const client = harness.client('administrator')
    const { testimony, consent } = walk('w-2')
    await client.create({ ...testimony, _id: 'drafts.w-2', workflowState: 'drafting' })
    await client.create(consent)
    const publish = { actionType: 'sanity.action.document.publish' as const, draftId: 'drafts.w-2', publishedId: 'w-2' }
    await expect(
      client.action([{ ...publish, actionType: 'sanity.action.document.edit', patch: { set: { workflowState: 'published' } } }, publish]),
    ).rejects.toMatchObject(refused('No supervisor has passed this testimony'))
    expect(await client.getDocument('w-2')).toBeUndefined()
  })

  it('is refused when the published version would not be marked published', async () => {
    await walkTo('approved', walk('w-3'))
    const publish = { actionType: 'sanity.action.document.publish' as const, draftId: 'drafts.w-3', publishedId: 'w-3' }
    await expect(harness.client('therapist').action(publish)).rejects.toMatchObject(refused('publish it with Publish'))
  })

  it('follows review and approval, by the therapist', async () => {
    const ids = { draftId: 'drafts.w-3', publishedId: 'w-3' }
    await harness.client('therapist').action([
      { actionType: 'sanity.action.document.edit', ...ids, patch: { set: { workflowState: 'published' } } },
      { actionType: 'sanity.action.document.publish', ...ids },
    ])
    expect(await stateOf('w-3')).toBe('published')
  })
})

describe('an edit after her approval', () => {
  it('sends the edited draft back for read-back, and leaves what she approved published', async () => {
    const therapist = harness.client('therapist')
    const edit = (hopes: string) => ({
      actionType: 'sanity.action.document.edit' as const,
      draftId: 'drafts.w-3',
      publishedId: 'w-3',
      patch: { set: { 'publicVersion.hopes.en': hopes } },
    })
    await therapist.action(edit('Words added after the read-back.'))
    expect(await stateOf('drafts.w-3')).toBe('readyForReadBack')
    expect(await stateOf('w-3')).toBe('published')
    expect((await therapist.getDocument('w-3'))?.publicVersion?.hopes?.en).toBe('I hope no woman lives this again.')
  })

  it('is read back and approved again: the older published text comes off, the draft stays approved and is published anew', async () => {
    const therapist = harness.client('therapist')
    // The sheet read back to her: the text with the words added.
    const before = own('w-3')
    const hopes = { ...before.publicVersion?.hopes, en: 'Words added after the read-back.' }
    const readBack = { ...before, publicVersion: { ...before.publicVersion, hopes } }
    const approval = {
      ...aConsent(readBack, { _id: 'consent-w-3-again', testimony: { _ref: 'w-3' } }),
      therapist: 'therapist-sophea',
    }
    await therapist
      .transaction()
      .create(approval)
      .patch('drafts.w-3', { set: { workflowState: 'approved' } })
      .commit()
    expect(await therapist.getDocument('w-3')).toBeUndefined()
    expect(await stateOf('drafts.w-3')).toBe('approved')
    const ids = { draftId: 'drafts.w-3', publishedId: 'w-3' }
    await therapist.action([
      { actionType: 'sanity.action.document.edit', ...ids, patch: { set: { workflowState: 'published' } } },
      { actionType: 'sanity.action.document.publish', ...ids },
    ])
    expect((await therapist.getDocument('w-3'))?.publicVersion?.hopes?.en).toBe('Words added after the read-back.')
  })

  it('does the same for an approved draft changed through mutate', async () => {
    await walkTo('approved', walk('w-4'))
    await harness.client('therapist').patch('drafts.w-4').set({ 'title.en': 'Another title' }).commit()
    expect(await stateOf('drafts.w-4')).toBe('readyForReadBack')
  })
})

describe('withdrawal', () => {
  it('still unpublishes at once, and the testimony is marked withdrawn', async () => {
    await walkTo('published', walk('w-5'))
    await harness
      .client('therapist')
      .patch('consent-w-5')
      .setIfMissing({ withdrawals: [] })
      .append('withdrawals', [
        { _key: 'w', date: today, recordedBy: 'therapist-sophea', scopes: ['ceremonyReading', 'website', 'teaching'] },
      ])
      .commit()
    expect(await harness.client('therapist').getDocument('w-5')).toBeUndefined()
    expect(await stateOf('drafts.w-5')).toBe('withdrawn')
  })

  it('is the only way a testimony is marked withdrawn', async () => {
    await expect(harness.client('supervisor').patch('drafts.w-4').set({ workflowState: 'withdrawn' }).commit()).rejects.toMatchObject(
      refused('only when her withdrawal is recorded'),
    )
  })
})
