// The restore drill: a backup exported, encrypted to an age recipient, by `npm run lake -- export`
// while another process writes; imported with the recipient's identity into a fresh data folder
// (with a key of its own). Every document, asset and history entry of the snapshot comes back byte
// for byte; with another identity nothing is restored.
import { generateIdentity, identityToRecipient } from 'age-encryption'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { storedFileName } from '../../lake/assets/assetDocuments.ts'
import type { Dataset } from '../../lake/dataset.ts'
import { openLake } from '../../lake/index.ts'
import { lakeClient } from '../../wire/index.ts'
import { failingLakeCommand, freshDataDir, runLakeCommand, startLakeProcess } from './lakeProcess.ts'
import { keyFor, sealedFolder, testEnv } from './testKey.ts'

async function bytesOf(dataset: Dataset, assetId: string): Promise<Buffer> {
  const file = await dataset.assets.open(storedFileName(assetId) ?? '')
  const parts: Buffer[] = []
  for await (const chunk of file?.stream(0, file.size - 1) ?? []) parts.push(chunk)
  return Buffer.concat(parts)
}

describe('the restore drill', () => {
  it('restores a backup made during writes into a fresh folder, every document, asset and history entry byte-identical', async () => {
    const { dataDir, token } = freshDataDir('drill-')
    const lake = await startLakeProcess(dataDir)
    const client = lakeClient({ port: lake.port, token })
    const recording = Buffer.concat([randomBytes(150_000), Buffer.from('Read at the pagoda (fictional).')])
    const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: 'olive' } })
      .png()
      .toBuffer()
    const photo = await client.assets.upload('image', png, { filename: 'pagoda.png' })
    const audio = await client.assets.upload('file', recording, { filename: 'reading.mp3', contentType: 'audio/mpeg' })
    await client.create({
      _id: 'ceremony-1',
      _type: 'ceremony',
      place: { en: 'A pagoda (fictional)' },
      photo: { _type: 'image', asset: { _type: 'reference', _ref: photo._id }, alt: { en: 'The pagoda' } },
      recording: { _type: 'file', asset: { _type: 'reference', _ref: audio._id } },
    })
    for (const day of ['2026-03-01', '2026-03-08']) await client.patch('ceremony-1').set({ date: day }).commit()
    let writing = true
    const writer = (async () => {
      for (let i = 0; writing; i++)
        await client
          .transaction()
          .create({ _id: `pair-${i}-a`, _type: 'theme', pair: i })
          .create({ _id: `pair-${i}-b`, _type: 'theme', pair: i })
          .commit({ visibility: 'async' })
    })()
    const identity = await generateIdentity()
    const work = mkdtempSync(join(tmpdir(), 'drill-out-'))
    const backup = join(work, 'backup.tar.gz.age')
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(await runLakeCommand(['export', backup, '--to', await identityToRecipient(identity), '--data', dataDir])).toContain(
      'encrypted with age',
    )
    writing = false
    await writer
    await lake.kill()
    // Encrypted, not only compressed (gzip alone would hide the words from a text search).
    expect(readFileSync(backup).subarray(0, 21).toString()).toBe('age-encryption.org/v1')
    expect(readFileSync(backup).includes(Buffer.from('A pagoda (fictional)'))).toBe(false)

    const stranger = join(work, 'stranger.txt')
    writeFileSync(stranger, `${await generateIdentity()}\n`)
    const refused = sealedFolder('drill-refused-')
    const wrong = await failingLakeCommand(['import', backup, '--identity', stranger, '--data', refused.dataDir], testEnv)
    expect(wrong.output).toContain('The backup does not open with these identities')
    const empty = openLake({ ...refused, log: () => {} })
    expect(empty.services.datasets.ensure('production').documents()).toEqual([])
    empty.close()

    const identityFile = join(work, 'identity.txt')
    writeFileSync(identityFile, `# the drill's identity (fictional)\n${identity}\n`)
    const fresh = sealedFolder('drill-restored-')
    expect(await runLakeCommand(['import', backup, '--identity', identityFile, '--data', fresh.dataDir])).toContain('restored as they were')

    const sourceLake = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
    const restoredLake = openLake({ ...fresh, log: () => {} })
    const source = sourceLake.services.datasets.get('production')
    const restored = restoredLake.services.datasets.get('production')
    const documents = restored.documents()
    expect(documents.length).toBeGreaterThan(6)
    for (const document of documents) expect(JSON.stringify(document)).toBe(JSON.stringify(source.get(document._id)))
    const ids = documents.map((d) => d._id)
    expect(ids).toEqual(expect.arrayContaining(['ceremony-1', photo._id, audio._id]))
    expect(ids.filter((id) => id.startsWith('pair-')).length % 2).toBe(0)
    for (const assetId of [photo._id, audio._id])
      expect((await bytesOf(restored, assetId)).equals(await bytesOf(source, assetId))).toBe(true)
    expect((await bytesOf(restored, audio._id)).equals(recording)).toBe(true)
    expect(restored.store.transactionsOf('ceremony-1')).toEqual(source.store.transactionsOf('ceremony-1'))
    expect(restored.store.transactionsOf('ceremony-1')).toHaveLength(3)
    sourceLake.close()
    restoredLake.close()
  }, 120_000)
})
