// The lake refuses to publish a testimony without the survivor's consent, whoever asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aConsent, aTestimony, today } from '../core/fixtures.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { walkTo } from './workflowWalk.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake({ today })
})
afterAll(async () => {
  await harness.stop()
})

const testimony = (id: string) => ({
  ...aTestimony({ _id: id, slug: { current: id } }),
  survivor: { _type: 'reference', _ref: 'survivor-x' },
})
const publish = (id: string) => ({ actionType: 'sanity.action.document.publish' as const, draftId: `drafts.${id}`, publishedId: id })
/** A testimony taken through review and approval to publication, with the consent approving it. */
const published = async (id: string) => {
  const draft = testimony(id)
  const walk = { client: harness.client('administrator'), userId: 'admin-test', testimony: draft }
  await walkTo('published', { ...walk, consent: aConsent(draft, { _id: `consent-${id}`, testimony: { _ref: id } }) })
}

describe('the consent guard', () => {
  it('refuses to publish a testimony without recorded consent, and says why', async () => {
    const client = harness.client('administrator')
    await client.create({ ...testimony('t-1'), _id: 'drafts.t-1' })
    await expect(client.action(publish('t-1'))).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('No consent has been recorded'),
    })
    expect(await client.getDocument('t-1')).toBeUndefined()
    expect(await client.getDocument('drafts.t-1')).toBeDefined()
  })

  it('publishes once the survivor’s consent covers the exact text', async () => {
    await published('t-2')
    expect(await harness.client('administrator').getDocument('t-2')).toMatchObject({ _id: 't-2', workflowState: 'published' })
  })

  it('refuses a script that changes the published text behind the survivor’s back', async () => {
    const client = harness.client('administrator')
    await expect(client.patch('t-2').set({ 'publicVersion.hopes.en': 'Words she never said.' }).commit()).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('has changed since the survivor approved it'),
    })
    expect((await client.getDocument('t-2'))?.publicVersion?.hopes?.en).toBe('I hope no woman lives this again.')
  })

  it('refuses to create a published testimony directly through mutate without consent', async () => {
    await expect(harness.client('administrator').create(testimony('t-3'))).rejects.toMatchObject({ statusCode: 409 })
  })

  it('lets a testimony be taken off the site only by her withdrawal, and says so', async () => {
    const client = harness.client('administrator')
    await expect(
      client.action({ actionType: 'sanity.action.document.unpublish', draftId: 'drafts.t-2', publishedId: 't-2' }),
    ).rejects.toMatchObject({ statusCode: 409, message: expect.stringContaining('only when the survivor withdraws') })
    expect(await client.getDocument('t-2')).toBeDefined()
  })
})

describe('withdrawal', () => {
  it('unpublishes the testimony in the same transaction that records the withdrawal', async () => {
    const client = harness.client('administrator')
    await published('t-9')
    expect(await client.getDocument('t-9')).toBeDefined()

    const result = await client
      .patch('consent-t-9')
      .setIfMissing({ withdrawals: [] })
      .append('withdrawals', [
        { _key: 'w1', date: today, method: 'phone call', recordedBy: 'therapist-sophea', scopes: ['website', 'teaching'] },
      ])
      .commit({ returnDocuments: false })
    expect(await client.getDocument('t-9')).toBeUndefined()
    expect(await client.getDocument('drafts.t-9')).toMatchObject({ workflowState: 'withdrawn', _rev: result.transactionId })
  })

  it('unpublishes too when the withdrawal is published from a consent draft, as the Studio does', async () => {
    const client = harness.client('administrator')
    await published('t-10')
    const ids = { draftId: 'drafts.consent-t-10', publishedId: 'consent-t-10' }
    await client.action({
      actionType: 'sanity.action.document.edit',
      ...ids,
      patch: { set: { withdrawals: [{ _key: 'w', date: today, scopes: ['website'] }] } },
    })
    expect(await client.getDocument('t-10')).toBeDefined()
    await client.action({ actionType: 'sanity.action.document.publish', ...ids })
    expect(await client.getDocument('t-10')).toBeUndefined()
  })

  it('takes a testimony off when its consent record is moved to another testimony, and never lets one be deleted', async () => {
    const client = harness.client('administrator')
    for (const id of ['t-4', 't-5']) await published(id)
    await client
      .patch('consent-t-4')
      .set({ testimony: { _type: 'reference', _ref: 't-other' } })
      .commit()
    expect(await client.getDocument('t-4')).toBeUndefined()
    expect(await client.getDocument('drafts.t-4')).toMatchObject({ workflowState: 'withdrawn' })
    await expect(client.delete('consent-t-5')).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('a consent record is never deleted'),
    })
    expect(await client.getDocument('t-5')).toBeDefined()
  })
})
