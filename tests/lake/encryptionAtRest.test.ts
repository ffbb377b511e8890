// Encryption at rest, as a lost laptop or a copied disk would be read: the fictional seed imported
// into an encrypted data folder by the lake's command line, a recording and a photograph uploaded,
// the lake served and stopped (killed, so its WAL is left as a power cut leaves it). Then no
// survivor's name, village or phone, no sentence of a testimony, and no byte run of the media is
// in the raw bytes of any file of the folder, nor in an encrypted export. With the key everything
// reads back; with a wrong key the lake refuses to start and changes nothing.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { lakeClient, openLake, seedArchivePathForTests } from './encryptionFixture.ts'
import { failingLakeCommand, runLakeCommand, startLakeProcess } from './lakeProcess.ts'
import { filesBelow, plainTextIn, seedDocuments, seedSecrets } from './plainTextScan.ts'
import { keyFor, testEnv } from './testKey.ts'

const work = mkdtempSync(join(tmpdir(), 'at-rest-'))
const dataDir = join(work, 'data')
const recording = Buffer.concat([randomBytes(100_000), Buffer.from('A sentence spoken at the ceremony (fictional). '.repeat(50))])
let photo: Buffer
let ids: { recording: string; photo: string }

beforeAll(async () => {
  keyFor(dataDir) // the folder's keyring, at the tests' small scrypt cost
  expect(await runLakeCommand(['import', seedArchivePathForTests, '--data', dataDir])).toContain(
    `Imported ${seedDocuments().length} documents`,
  )
  const { token } = lakeTokenOf(dataDir)
  const lake = await startLakeProcess(dataDir)
  const client = lakeClient({ port: lake.port, token })
  photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 120, g: 90, b: 30 } } })
    .png()
    .toBuffer()
  const photoAsset = await client.assets.upload('image', photo, { filename: 'ceremony.png' })
  const recordingAsset = await client.assets.upload('file', recording, { filename: 'reading.mp3', contentType: 'audio/mpeg' })
  ids = { recording: recordingAsset._id, photo: photoAsset._id }
  await client
    .patch('survivor-01')
    .set({ photo: { _type: 'image', asset: { _type: 'reference', _ref: photoAsset._id } } })
    .commit()
  expect(await client.fetch('*[_id == "survivor-01"][0].name')).toBe('Keo Chanthy')
  await lake.kill()
}, 120_000)

function lakeTokenOf(folder: string) {
  const lake = openLake({ dataDir: folder, key: keyFor(folder), log: () => {} })
  const created = lake.services.tokens.create({ name: 'At-rest test', role: 'administrator', now: new Date() })
  lake.close()
  return created
}

describe('a stopped lake’s data folder, read without the key', () => {
  it('holds no name, village, phone or testimony sentence of the seed in any file', () => {
    const files = filesBelow(dataDir)
    expect(files.map((f) => f.path.slice(dataDir.length + 1)).sort()).toEqual(
      expect.arrayContaining(['accounts.sqlite', 'keyring.json', 'tokens.sqlite', 'datasets/production/documents.sqlite']),
    )
    const secrets = seedSecrets()
    expect(secrets.length).toBeGreaterThan(300)
    expect(plainTextIn(files, secrets)).toEqual([])
    // The same scan finds them in the seed itself: it can fail.
    expect(plainTextIn([{ path: 'seed', bytes: readFileSync(seedArchivePathForTests) }], secrets).length).toBeGreaterThan(300)
  })

  it('holds no run of the recording’s or the photograph’s bytes', async () => {
    const files = filesBelow(dataDir)
    const stored = await sharp(photo).png().toBuffer()
    const probes = [recording.subarray(100_000, 100_040), recording.subarray(5_000, 5_040), photo.subarray(0, 24), stored.subarray(0, 24)]
    for (const probe of probes) expect(files.filter((f) => f.bytes.includes(probe)).map((f) => f.path)).toEqual([])
  })

  it('keeps no key beside the data when a passphrase is given', () => {
    expect(existsSync(join(dirname(dataDir), '.lake-key'))).toBe(false)
    expect(readFileSync(join(dataDir, 'keyring.json'), 'utf8')).toContain('"name": "scrypt"')
  })
})

describe('an encrypted export', () => {
  it('holds none of it either, and restores it with its passphrase', async () => {
    const file = join(work, 'backup.tar.gz.age')
    const env = { ...testEnv, BACKUP_PASSPHRASE: 'the backup passphrase (fictional)' }
    expect(await runLakeCommand(['export', file, '--passphrase', '--data', dataDir], env)).toContain('encrypted with age')
    const bytes = readFileSync(file)
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1')
    expect(plainTextIn([{ path: file, bytes }], seedSecrets())).toEqual([])
    expect(bytes.includes(recording.subarray(100_000, 100_040))).toBe(false)

    const restored = join(work, 'restored')
    keyFor(restored)
    expect(await runLakeCommand(['import', file, '--data', restored], env)).toContain('restored as they were')
    const lake = openLake({ dataDir: restored, key: keyFor(restored), log: () => {} })
    expect(lake.services.datasets.get('production').get('survivor-01')?.name).toBe('Keo Chanthy')
    lake.close()
  }, 60_000)
})

describe('the data folder with its key', () => {
  it('reads back every document of the seed and both media files', async () => {
    const lake = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
    const dataset = lake.services.datasets.get('production')
    for (const document of seedDocuments()) {
      const { _rev: _r, _updatedAt: _u, ...fields } = document
      const stored = dataset.get(document._id)
      if (document._id === 'survivor-01') expect(stored).toMatchObject({ ...fields, photo: { asset: { _ref: ids.photo } } })
      else expect(stored).toMatchObject(fields)
    }
    const file = await dataset.assets.open(`${ids.recording.replace(/^file-/, '').replace(/-mp3$/, '')}.mp3`)
    const parts: Buffer[] = []
    for await (const chunk of file?.stream(0, recording.length - 1) ?? []) parts.push(chunk)
    expect(Buffer.concat(parts).equals(recording)).toBe(true)
    const image = dataset.assets.get(`${ids.photo.replace(/^image-/, '').replace(/-png$/, '')}.png`)
    expect((await sharp(image ?? Buffer.alloc(0)).metadata()).width).toBe(64)
    lake.close()
  })
})

describe('a wrong key', () => {
  it('stops the lake before it starts, says so, and changes no file', async () => {
    const before = fingerprint()
    const wrong = { ...testEnv, LAKE_PASSPHRASE: 'not the passphrase (fictional)' }
    const { code, output } = await failingLakeCommand(['serve', '--port', '0', '--data', dataDir], wrong)
    expect(code).toBe(1)
    expect(output).toContain('The key from LAKE_PASSPHRASE does not open the data')
    expect(output).toContain('nothing was opened or changed')
    expect(fingerprint()).toEqual(before)
  }, 60_000)
})

/** Each file's name, size, time and hash. */
function fingerprint() {
  return filesBelow(dataDir).map(({ path, bytes }) => ({ path, hash: createHash('sha256').update(bytes).digest('hex') }))
}
