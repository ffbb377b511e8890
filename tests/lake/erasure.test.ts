// Erasure: an administrator erases a testimony; its drafts, consent records, history and the
// images only they used are gone from the lake and from its files on disk, and a record without
// content says that an erasure happened.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aConsent, aTestimony, today } from '../core/fixtures.ts'
import { openLake } from '../../lake/index.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { walkTo } from './workflowWalk.ts'
import { keyFor } from './testKey.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake({ today })
})
afterAll(async () => {
  await harness.stop()
})

const secret = 'Chanthou-erasure-marker-7731'
const erase = (role: 'administrator' | 'supervisor', testimonyId: string) =>
  fetch(`http://localhost:${harness.port}/v2025-02-19/data/erase/production`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${harness.tokens[role]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ testimonyId }),
  })
const datasetFolder = () => join(harness.dataDir, 'datasets', 'production')
const filesContain = (folder: string, text: string): boolean =>
  readdirSync(folder, { withFileTypes: true }).some((entry) =>
    entry.isDirectory() ? filesContain(join(folder, entry.name), text) : readFileSync(join(folder, entry.name)).includes(text),
  )

describe('erasing a testimony', () => {
  it('removes the testimony, its draft, consent, history and images, on disk too, and keeps a record without content', async () => {
    const client = harness.client('administrator')
    const testimony = { ...aTestimony({ _id: 'erase-me', slug: { current: 'erase-me' } }), survivor: { _type: 'reference', _ref: 's-1' } }
    testimony.title = { en: `${secret} title`, km: 'ចំណងជើង' }
    const scan = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
      .png()
      .toBuffer()
    const asset = await client.assets.upload('image', scan, { filename: 'consent-scan.png' })
    const consent = {
      ...aConsent(testimony, { _id: 'consent-erase-me', testimony: { _ref: 'erase-me' } }),
      scan: { asset: { _ref: asset._id } },
    }
    await walkTo('published', { client, userId: 'admin-test', testimony, consent })
    const published = await client.getDocument('erase-me')
    await client.create({ ...published, _id: 'drafts.erase-me', _type: 'testimony', hopes: { en: `${secret} hopes` } })
    await client.create({ _id: 'keep-me', _type: 'theme', title: { en: 'Forced marriage' } })

    const response = await erase('administrator', 'erase-me')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ documentsRemoved: 3, assetsRemoved: 1 })

    const left = await client.fetch<Array<{ _id: string; _type: string }>>('*{_id, _type}')
    expect(left.map((d) => d._id)).not.toEqual(expect.arrayContaining(['erase-me']))
    expect(left.filter((d) => ['testimony', 'consentRecord', 'sanity.imageAsset'].includes(d._type))).toEqual([])
    expect(left.some((d) => d._id === 'keep-me')).toBe(true)
    const history = await client.request({ uri: '/data/history/production/transactions/erase-me,drafts.erase-me,consent-erase-me' })
    expect(history).toBeFalsy()
    const [record] = await client.fetch<Array<Record<string, unknown>>>('*[_type == "erasureRecord"]')
    expect(record).toMatchObject({ testimonyId: 'erase-me', date: today, erasedBy: 'admin-test', documentsRemoved: 3 })
    expect(JSON.stringify(record)).not.toContain(secret)
    expect(filesContain(datasetFolder(), secret)).toBe(false)
    expect(existsSync(join(datasetFolder(), 'assets', `${asset._id.split('-')[1]}-8x8.png`))).toBe(false)
  })

  it('is refused to a supervisor, and for a testimony that does not exist, with a clear error', async () => {
    const supervisor = await erase('supervisor', 'keep-me')
    expect(supervisor.status).toBe(403)
    expect(await supervisor.json()).toMatchObject({ error: { description: expect.stringContaining('only an administrator') } })
    const missing = await erase('administrator', 'no-such-testimony')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { description: expect.stringContaining('no testimony "no-such-testimony"') } })
  })
})

describe('an erasure that can not be recorded', () => {
  it('keeps the documents and their history, so there is never an erasure without its record', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lake-erasure-'))
    const lake = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
    const dataset = lake.services.datasets.ensure('production')
    dataset.mutate([{ create: { _id: 'erase-me', _type: 'testimony', title: { en: secret } } }], { author: 'admin-test' })
    const { transactionId } = dataset.mutate([{ create: { _id: 'keep-me', _type: 'theme' } }], { author: 'admin-test' })
    // An erasure record whose transaction id another transaction has can not be written.
    const record = { _id: 'erasure-x', _type: 'erasureRecord', _rev: transactionId, testimonyId: 'erase-me' }
    expect(() => dataset.erase(['erase-me'], record, 'admin-test')).toThrow()
    expect(dataset.get('erase-me')).toMatchObject({ title: { en: secret } })
    expect(dataset.get('erasure-x')).toBeNull()
    expect(dataset.store.transactionsOf('erase-me')).toHaveLength(1)
    lake.close()
    const reopened = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
    expect(reopened.services.datasets.get('production').get('erase-me')).not.toBeNull()
    reopened.close()
  })
})
