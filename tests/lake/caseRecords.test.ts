// Case records are never deleted through the API, by any role and by any route (mutate or the
// Actions API): testimonies, consent records and survivor records stay until an administrator erases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aConsent, aTestimony, today } from '../core/fixtures.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { walkTo } from './workflowWalk.ts'
import { apiVersionPath } from '../../core/index.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake({ today })
  const testimony = { ...aTestimony({ _id: 'case-1', slug: { current: 'case-1' } }), therapist: 'therapist-sophea' }
  const consent = { ...aConsent(testimony, { _id: 'consent-case-1', testimony: { _ref: 'case-1' } }), therapist: 'therapist-sophea' }
  const client = harness.client('administrator')
  await client.create({ _id: 'survivor-case', _type: 'survivor', name: 'Fictional', assignedTherapist: 'therapist-sophea' })
  await walkTo('published', { client, userId: 'admin-test', testimony, consent })
  await client.create({ _id: 'drafts.case-2', _type: 'testimony', therapist: 'therapist-sophea', workflowState: 'drafting' })
})
afterAll(async () => {
  await harness.stop()
})

const roles = ['therapist', 'supervisor', 'administrator'] as const
const remaining = async () =>
  await harness.client('administrator').fetch<string[]>('*[_type in ["testimony", "consentRecord", "survivor"]]._id | order(@)')

describe('deleting a case record', () => {
  it.each(roles)('is refused to a %s for a published testimony, a draft-only one, a consent record and a survivor', async (role) => {
    const client = harness.client(role)
    const before = await remaining()
    await expect(client.delete('case-1')).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('a testimony is never deleted; an administrator erases it with its records, or record a withdrawal'),
    })
    await expect(client.delete('drafts.case-2')).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('never deleted'),
    })
    await expect(
      client.action({ actionType: 'sanity.action.document.delete', publishedId: 'case-1', includeDrafts: ['drafts.case-1'] }),
    ).rejects.toMatchObject({ statusCode: 409 })
    await expect(client.action({ actionType: 'sanity.action.document.discard', draftId: 'drafts.case-2' })).rejects.toMatchObject({
      statusCode: 409,
    })
    await expect(client.delete('consent-case-1')).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('record a withdrawal on it'),
    })
    await expect(client.delete('survivor-case')).rejects.toMatchObject({ statusCode: 409, message: expect.stringContaining('survivor') })
    await expect(client.delete({ query: '*[_type == "survivor"]' })).rejects.toMatchObject({ statusCode: 409 })
    expect(await remaining()).toEqual(before)
  })

  it('still lets a draft be published (the draft goes, the published version comes) and a draft be discarded back to it', async () => {
    const client = harness.client('therapist')
    await client.create({
      _id: 'drafts.survivor-case',
      _type: 'survivor',
      name: 'Fictional, corrected',
      assignedTherapist: 'therapist-sophea',
    })
    await client.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.survivor-case', publishedId: 'survivor-case' })
    expect(await client.getDocument('survivor-case')).toMatchObject({ name: 'Fictional, corrected' })
    await client.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.case-1',
      publishedId: 'case-1',
      patch: { set: { 'title.en': 'An edit she will hear read back' } },
    })
    await client.action({ actionType: 'sanity.action.document.discard', draftId: 'drafts.case-1' })
    expect(await client.getDocument('case-1')).toMatchObject({ workflowState: 'published' })
  })

  it('is the erase route’s alone, for an administrator', async () => {
    const response = await fetch(`http://localhost:${harness.port}${apiVersionPath}/data/erase/production`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${harness.tokens.administrator}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ testimonyId: 'case-1' }),
    })
    expect(response.status).toBe(200)
    expect(await remaining()).toEqual(['drafts.case-2', 'survivor-case'])
  })
})
