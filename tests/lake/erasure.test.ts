// Erasure: an administrator erases a testimony; every version of it (a published one taken off by a
// withdrawal too), its public story, consent records, her survivor record and follow-up calls when
// she has no other testimony, their history and the images only they used are gone from the lake
// and from its files on disk, the history routes answer nothing about them, a record without content
// says that an erasure happened, and a backup made before it does not bring it back.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aConsent, aTestimony, today } from '../core/fixtures.ts'
import { exportDocuments, importDocuments, openLake } from '../../lake/index.ts'
import { leftOutNotice } from '../../lake/transfer.ts'
import { importArchiveStream } from '../../lake/backup/archiveImport.ts'
import { readExport, writeExport } from '../../lake/backup/backupFile.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { walkTo } from './workflowWalk.ts'
import { keyFor } from './testKey.ts'
import { apiVersionPath } from '../../core/index.ts'

let harness: LakeHarness
beforeAll(async () => {
  // Unencrypted, so that finding none of her words in the files' bytes means the erasure removed
  // them (with the folder's key they would be readable again; encryption at rest has its own tests).
  harness = await startLake({ today, plain: true })
})
afterAll(async () => {
  await harness.stop()
})

const secret = 'Chanthou-erasure-marker-7731'
const erase = (role: 'administrator' | 'supervisor', testimonyId: string) =>
  fetch(`http://localhost:${harness.port}${apiVersionPath}/data/erase/production`, {
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
  it('removes the testimony, its draft, public story, consent, history and images, on disk too, and keeps a record without content', async () => {
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
    expect(await response.json()).toMatchObject({ documentsRemoved: 4, assetsRemoved: 1 })

    const left = await client.fetch<Array<{ _id: string; _type: string }>>('*{_id, _type}')
    expect(left.map((d) => d._id)).not.toEqual(expect.arrayContaining(['erase-me']))
    expect(left.filter((d) => ['testimony', 'consentRecord', 'sanity.imageAsset'].includes(d._type))).toEqual([])
    expect(left.some((d) => d._id === 'keep-me')).toBe(true)
    const history = await client.request({ url: '/data/history/production/transactions/erase-me,drafts.erase-me,consent-erase-me' })
    expect(history).toBeFalsy()
    const [record] = await client.fetch<Array<Record<string, unknown>>>('*[_type == "erasureRecord"]')
    expect(record).toMatchObject({ testimonyId: 'erase-me', date: today, erasedBy: 'admin-test', documentsRemoved: 4 })
    expect(JSON.stringify(record)).not.toContain(secret)
    expect(filesContain(datasetFolder(), secret)).toBe(false)
    expect(existsSync(join(datasetFolder(), 'assets', `${asset._id.split('-')[1]}-8x8.png`))).toBe(false)
  })

  it('leaves nothing of a testimony published, withdrawn and erased: no version, no survivor, no follow-up, no history', async () => {
    const client = harness.client('administrator')
    const marker = 'Sokunthea-withdrawn-marker-5519'
    await client.create({ _id: 'survivor-only-one', _type: 'survivor', name: `${marker} survivor`, assignedTherapist: 'therapist-sophea' })
    await client.create({ _id: 'survivor-two', _type: 'survivor', name: 'Kept (fictional)', assignedTherapist: 'therapist-sophea' })
    await client.create({ _id: 'followup-one', _type: 'followUp', survivor: { _ref: 'survivor-only-one' }, outcome: `${marker} call` })
    await client.create({ _id: 'followup-two', _type: 'followUp', survivor: { _ref: 'survivor-two' }, outcome: 'Kept call (fictional)' })
    // An image she used once and removed: only the history knows it.
    const photo = await client.assets.upload(
      'image',
      await sharp({ create: { width: 4, height: 4, channels: 3, background: '#654321' } })
        .png()
        .toBuffer(),
    )
    const testimony = {
      ...aTestimony({ _id: 'withdrawn-one', slug: { current: `${marker.toLowerCase()}-address` } }),
      survivor: { _type: 'reference', _ref: 'survivor-only-one' },
      title: { en: `${marker} title` },
      photo: { _type: 'image', asset: { _type: 'reference', _ref: photo._id } },
    }
    const other = {
      ...aTestimony({ _id: 'kept-one', slug: { current: 'kept-one' } }),
      survivor: { _type: 'reference', _ref: 'survivor-two' },
    }
    await walkTo('published', {
      client,
      userId: 'admin-test',
      testimony,
      consent: aConsent(testimony, { _id: 'consent-withdrawn-one', testimony: { _ref: 'withdrawn-one' } }),
    })
    await walkTo('published', {
      client,
      userId: 'admin-test',
      testimony: other,
      consent: aConsent(other, { _id: 'consent-kept-one', testimony: { _ref: 'kept-one' } }),
    })
    await client.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.withdrawn-one',
      publishedId: 'withdrawn-one',
      patch: { unset: ['photo'] },
    })
    const backup = exportDocuments(harness.lake.services.datasets.get('production'))
    const archive = join(mkdtempSync(join(tmpdir(), 'erasure-backup-')), 'backup.tar.gz')
    await writeExport(harness.lake.services.datasets.get('production'), archive, { lock: 'plain', now: new Date() })
    const withdrawal = { _key: 'w', _type: 'withdrawal', date: today, scopes: ['website'] }
    await client.patch('consent-withdrawn-one').setIfMissing({ withdrawals: [] }).append('withdrawals', [withdrawal]).commit()
    expect(await client.getDocument('withdrawn-one')).toBeUndefined()
    // Her words are on disk before the erasure, so that finding none after it means something.
    expect(filesContain(datasetFolder(), marker)).toBe(true)

    expect((await erase('administrator', 'withdrawn-one')).status).toBe(200)
    const ids = [
      'withdrawn-one',
      'drafts.withdrawn-one',
      'publicStory-withdrawn-one',
      'consent-withdrawn-one',
      'survivor-only-one',
      'followup-one',
    ]
    for (const id of ids) {
      expect(await client.getDocument(id), id).toBeUndefined()
      const history = await client.request({ url: `/data/history/production/transactions/${id}?excludeContent=false` })
      expect(history, id).toBeFalsy()
      const events = await client.request<{ events: Record<string, unknown[]> }>({ url: `/data/history/production/events/documents/${id}` })
      expect(events.events[id], id).toEqual([])
      await expect(client.request({ url: `/data/history/production/documents/${id}?time=2999-01-01T00:00:00Z` })).resolves.toEqual({
        documents: [],
      })
    }
    for (const kept of ['survivor-two', 'followup-two', 'kept-one', 'publicStory-kept-one'])
      expect(await client.getDocument(kept), kept).toBeDefined()
    expect(filesContain(datasetFolder(), marker)).toBe(false)
    expect(filesContain(datasetFolder(), marker.toLowerCase())).toBe(false)
    expect(existsSync(join(datasetFolder(), 'assets', `${photo._id.split('-')[1]}-4x4.png`))).toBe(false)

    // The backup made before: imported again, it does not bring her back, and says so.
    const imported = importDocuments(harness.lake.services.datasets.get('production'), backup, { author: 'import', replace: true })
    expect(imported.leftOut).toEqual({ testimonies: 1, documents: 7 })
    expect(leftOutNotice(imported.leftOut)).toContain('Left out 7 documents of 1 erased testimonies')
    for (const id of ids) expect(await client.getDocument(id), id).toBeUndefined()
    expect(await client.getDocument('survivor-two')).toBeDefined()
    // So does the backup with its files, in Sanity's archive format: her photograph is not stored again.
    const place = { projectId: 'local', dataset: 'production', origin: `http://localhost:${harness.port}` }
    const { chunks } = await readExport(archive, () => Promise.reject(new Error('the backup is not encrypted')))
    const restored = await importArchiveStream(harness.lake.services.datasets.get('production'), chunks, {
      author: 'import',
      replace: true,
      place,
    })
    expect(restored.leftOut).toEqual({ testimonies: 1, documents: 6 })
    for (const id of ids) expect(await client.getDocument(id), id).toBeUndefined()
    expect(existsSync(join(datasetFolder(), 'assets', `${photo._id.split('-')[1]}-4x4.png`))).toBe(false)
    expect(filesContain(datasetFolder(), marker)).toBe(false)
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
