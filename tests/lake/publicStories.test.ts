// The lake keeps each testimony's public story in step with it, in the same transaction as the write
// that changes it (publish, withdrawal, a new approval), whatever a client sends; the publisher reads
// the story and nothing of the testimony, on every read path, and loads only its recording.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aConsent, aTestimony, today } from '../core/fixtures.ts'
import { openLake } from '../../lake/index.ts'
import { keyFor } from './testKey.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { walkTo } from './workflowWalk.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake({ today })
})
afterAll(async () => {
  await harness.stop()
})

const secret = 'PRIVATE-WORDS-4471'
const testimony = (id: string) => ({
  ...aTestimony({ _id: id, slug: { current: id } }),
  survivor: { _type: 'reference', _ref: `survivor-${secret}` },
  reviewNotes: [{ _key: 'n', note: `${secret} review note` }],
  title: { en: `${secret} her own title`, km: 'ចំណងជើង' },
})
const publish = async (id: string, consent: Record<string, unknown> = {}) => {
  const draft = testimony(id)
  const walk = { client: harness.client('administrator'), userId: 'admin-test', testimony: draft }
  await walkTo('published', { ...walk, consent: aConsent(draft, { _id: `consent-${id}`, testimony: { _ref: id }, ...consent }) })
}

describe('the public stories', () => {
  it('are written by publishing, and are all the publisher reads of a testimony', async () => {
    await publish('story-1')
    const publisher = harness.client('publisher')
    const seen = await publisher.fetch<Array<Record<string, unknown>>>('*', {}, { perspective: 'raw' })
    expect(seen.filter((d) => d._type === 'publicStory')).toEqual([
      expect.objectContaining({ _id: 'publicStory-story-1', testimonyId: 'story-1', slug: 'story-1', story: expect.any(Object) }),
    ])
    expect(seen.filter((d) => d._type === 'testimony' || d._type === 'consentRecord')).toEqual([])
    expect(JSON.stringify(seen)).not.toContain(secret)
  })

  it('lose the story in the transaction that records her withdrawal, and keep the address', async () => {
    await publish('story-2')
    const admin = harness.client('administrator')
    const withdrawal = { _key: 'w', _type: 'withdrawal', date: today, scopes: ['website'] }
    const recorded = await admin.patch('consent-story-2').setIfMissing({ withdrawals: [] }).append('withdrawals', [withdrawal]).commit()
    const story = await admin.getDocument('publicStory-story-2')
    expect(story).toMatchObject({
      _rev: recorded._rev,
      slug: 'story-2',
      consents: [expect.objectContaining({ withdrawals: [withdrawal] })],
    })
    expect(story?.story).toBeUndefined()
    expect(await admin.getDocument('story-2')).toBeUndefined()
  })

  it('are what the lake derives, whatever a client writes', async () => {
    await publish('story-3')
    const admin = harness.client('administrator')
    const derived = await admin.getDocument('publicStory-story-3')
    await admin.patch('publicStory-story-3').set({ slug: 'a-forged-address', extra: secret }).commit()
    const after = await admin.getDocument('publicStory-story-3')
    expect({ ...after, _rev: '', _updatedAt: '' }).toEqual({ ...derived, _rev: '', _updatedAt: '' })
    await admin.create({
      _id: 'publicStory-never-published',
      _type: 'publicStory',
      testimonyId: 'never-published',
      slug: 'x',
      consents: [],
    })
    expect(await admin.getDocument('publicStory-never-published')).toBeUndefined()
    await expect(admin.create({ _id: 'drafts.publicStory-story-3', _type: 'publicStory' })).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('written by publishing its testimony'),
    })
  })

  it('lend the publisher the recording her consent allows, never the testimony’s other files', async () => {
    const admin = harness.client('administrator')
    const recording = await admin.assets.upload('file', Buffer.from('ID3 fictional recording'), { filename: 'reading.mp3' })
    const scan = await admin.assets.upload('file', Buffer.from('%PDF fictional scan'), { filename: 'scan.pdf' })
    const draft = {
      ...testimony('story-4'),
      scan: { _type: 'file', asset: { _type: 'reference', _ref: scan._id } },
      publicVersion: { ...aTestimony().publicVersion, recording: { _type: 'file', asset: { _type: 'reference', _ref: recording._id } } },
    }
    const walk = { client: admin, userId: 'admin-test', testimony: draft }
    const consent = aConsent(draft, { _id: 'consent-story-4', testimony: { _ref: 'story-4' }, scopes: ['website', 'voiceRecording'] })
    await walkTo('published', { ...walk, consent })
    const load = (path: string) =>
      fetch(`http://localhost:${harness.port}/${path}`, { headers: { Authorization: `Bearer ${harness.tokens.publisher}` } })
    expect((await load(recording.path)).status).toBe(200)
    expect((await load(scan.path)).status).not.toBe(200)
    // Without a token, the recording is not lent: the site publishes it only with its tags removed.
    expect((await fetch(`http://localhost:${harness.port}/${recording.path}`)).status).not.toBe(200)
  })
})

describe('a lake opened on data written before there were public stories', () => {
  it('derives them once, as it would have written them', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lake-stories-'))
    const lake = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
    const dataset = lake.services.datasets.ensure('production')
    const published = { ...testimony('old-1'), workflowState: 'published' }
    dataset.mutate([{ create: published }, { create: aConsent(published, { _id: 'consent-old-1', testimony: { _ref: 'old-1' } }) }], {
      author: 'test',
    })
    dataset.erase(['publicStory-old-1'], { _id: 'erasure-test', _type: 'erasureRecord', _rev: 'erasure-test-tx' }, 'test')
    expect(dataset.get('publicStory-old-1')).toBeNull()
    lake.close()
    const reopened = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
    expect(reopened.services.datasets.get('production').get('publicStory-old-1')).toMatchObject({ slug: 'old-1' })
    reopened.close()
  })
})
