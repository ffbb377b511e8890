// The Actions API the Studio commits through, used with the real @sanity/client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLake, type LakeHarness } from './lakeHarness.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake()
})
afterAll(async () => {
  await harness.stop()
})

const ids = (n: number) => ({ publishedId: `act-${n}`, draftId: `drafts.act-${n}` })

describe('document actions', () => {
  it('creates a draft whose revision is the transaction id the Studio sent', async () => {
    const client = harness.client('supervisor')
    const { publishedId, draftId } = ids(1)
    await client.action(
      {
        actionType: 'sanity.action.document.create',
        publishedId,
        attributes: { _id: draftId, _type: 'theme', _createdAt: '2026-11-29T00:00:00Z' },
        ifExists: 'fail',
      },
      { transactionId: 'tx-create-1' },
    )
    expect(await client.getDocument(draftId)).toMatchObject({ _id: draftId, _rev: 'tx-create-1', _createdAt: '2026-11-29T00:00:00Z' })
  })

  it('edits a published document by first copying it to a draft', async () => {
    const client = harness.client('supervisor')
    const { publishedId, draftId } = ids(2)
    await client.create({ _id: publishedId, _type: 'theme', title: { en: 'Before' } })
    await client.action({ actionType: 'sanity.action.document.edit', publishedId, draftId, patch: { set: { 'title.en': 'After' } } })
    expect(await client.getDocument(draftId)).toMatchObject({ title: { en: 'After' } })
    expect(await client.getDocument(publishedId)).toMatchObject({ title: { en: 'Before' } })
  })

  it('publishes: the draft replaces the published document and is removed, atomically', async () => {
    const client = harness.client('supervisor')
    const { publishedId, draftId } = ids(2)
    const published = await client.getDocument(publishedId)
    await client.action({ actionType: 'sanity.action.document.publish', publishedId, draftId, ifPublishedRevisionId: published?._rev })
    expect(await client.getDocument(draftId)).toBeUndefined()
    expect(await client.getDocument(publishedId)).toMatchObject({ _id: publishedId, title: { en: 'After' } })
  })

  it('refuses to publish over a published revision that changed meanwhile', async () => {
    const client = harness.client('supervisor')
    const { publishedId, draftId } = ids(3)
    await client.create({ _id: publishedId, _type: 'theme' })
    await client.create({ _id: draftId, _type: 'theme', title: { en: 'Draft' } })
    await expect(
      client.action({ actionType: 'sanity.action.document.publish', publishedId, draftId, ifPublishedRevisionId: 'stale' }),
    ).rejects.toMatchObject({ statusCode: 409, message: expect.stringContaining('changed') })
    expect(await client.getDocument(draftId)).toBeDefined()
  })

  it('unpublishes into a draft, discards a draft, and deletes a document with its drafts', async () => {
    const client = harness.client('supervisor')
    const { publishedId, draftId } = ids(4)
    await client.create({ _id: publishedId, _type: 'theme', title: { en: 'Kept as draft' } })
    await client.action({ actionType: 'sanity.action.document.unpublish', publishedId, draftId })
    expect(await client.getDocument(publishedId)).toBeUndefined()
    expect(await client.getDocument(draftId)).toMatchObject({ title: { en: 'Kept as draft' } })

    await client.action({ actionType: 'sanity.action.document.discard', draftId })
    expect(await client.getDocument(draftId)).toBeUndefined()

    await client.create({ _id: publishedId, _type: 'theme' })
    await client.create({ _id: draftId, _type: 'theme' })
    await client.action({ actionType: 'sanity.action.document.delete', publishedId, includeDrafts: [draftId] })
    expect(await client.fetch('count(*[_id in [$a, $b]])', { a: publishedId, b: draftId })).toBe(0)
  })

  it('answers an action it does not support with a 400 naming it, as recorded from the Studio', async () => {
    const client = harness.client('supervisor')
    const release = { actionType: 'sanity.action.release.create', releaseId: 'r1', metadata: { title: '' } }
    await expect(client.action(release as never, { dryRun: true })).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('Unsupported action sanity.action.release.create'),
    })
  })

  it('applies several actions whole or not at all', async () => {
    const client = harness.client('supervisor')
    const { publishedId, draftId } = ids(5)
    await expect(
      client.action([
        { actionType: 'sanity.action.document.create', publishedId, attributes: { _id: draftId, _type: 'theme' }, ifExists: 'fail' },
        { actionType: 'sanity.action.document.discard', draftId: 'drafts.missing' },
      ]),
    ).rejects.toMatchObject({ statusCode: 409 })
    expect(await client.getDocument(draftId)).toBeUndefined()
  })

  it('does not let the read-only publisher role act', async () => {
    const client = harness.client('publisher')
    await expect(client.action({ actionType: 'sanity.action.document.discard', draftId: 'drafts.x' })).rejects.toMatchObject({
      statusCode: 403,
    })
  })
})
