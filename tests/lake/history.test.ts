// History: transactions of a document, and the document as it was at a revision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { apiVersionPath } from '../../core/index.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake()
})
afterAll(async () => {
  await harness.stop()
})

describe('document history', () => {
  it('lists the transactions that touched a document, oldest first, with whole-value effects', async () => {
    const client = harness.client('supervisor')
    const first = await client.create({ _id: 'hist-1', _type: 'theme', title: { en: 'One' } })
    await client.patch('hist-1').set({ 'title.en': 'Two' }).commit()
    const response = await fetch(
      `http://127.0.0.1:${harness.port}${apiVersionPath}/data/history/production/transactions/hist-1?excludeContent=true`,
      {
        headers: { Authorization: `Bearer ${harness.tokens.supervisor}` },
      },
    )
    expect(response.headers.get('content-type')).toContain('application/x-ndjson')
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines.map((t) => t.id)[0]).toBe(first._rev)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatchObject({
      author: 'supervisor-test',
      documentIDs: ['hist-1'],
      effects: { 'hist-1': { apply: [0, { title: { en: 'Two' } }] } },
    })
    expect(lines[1].mutations).toBeUndefined()
  })

  it('returns a document as it was at an earlier revision', async () => {
    const client = harness.client('supervisor')
    const first = await client.create({ _id: 'hist-2', _type: 'theme', title: { en: 'Old' } })
    await client.patch('hist-2').set({ 'title.en': 'New' }).commit()
    const answer = await client.request<{ documents: Array<{ title: { en: string } }> }>({
      url: `/data/history/production/documents/hist-2?revision=${first._rev}`,
    })
    expect(answer.documents[0]?.title.en).toBe('Old')
  })

  it('says which revision does not exist', async () => {
    const client = harness.client('supervisor')
    await expect(client.request({ url: '/data/history/production/documents/hist-2?revision=nope' })).rejects.toMatchObject({
      statusCode: 404,
      message: expect.stringContaining('has no revision "nope"'),
    })
  })
})

describe('document events', () => {
  it('tell the Studio’s timeline when a draft was created, published and created again', async () => {
    const client = harness.client('supervisor')
    const ids = { publishedId: 'hist-3', draftId: 'drafts.hist-3' }
    await client.action({
      actionType: 'sanity.action.document.create',
      ...ids,
      attributes: { _id: ids.draftId, _type: 'theme' },
      ifExists: 'fail',
    })
    await client.action({ actionType: 'sanity.action.document.publish', ...ids })
    await client.action({ actionType: 'sanity.action.document.edit', ...ids, patch: { set: { 'title.en': 'Again' } } })
    const answer = await client.request<{ events: Record<string, Array<{ type: string; author: string }>> }>({
      url: '/data/history/production/events/documents/drafts.hist-3',
    })
    expect(answer.events['drafts.hist-3']?.map((e) => e.type)).toEqual([
      'createDocumentVersion',
      'publishDocumentVersion',
      'createDocumentVersion',
    ])
    expect(answer.events['drafts.hist-3']?.[0]?.author).toBe('supervisor-test')
  })
})
