// `npm run lake -- encrypt`: a data folder written before encryption at rest (plain SQLite, plain
// asset files) becomes an encrypted one holding the same documents, tokens and media, with no plain
// byte left in any file; a run stopped before its keyring starts again, one stopped after finishes.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { encryptingSuffix, sqliteFilesOf } from '../../lake/atRest/folderState.ts'
import { unlockKeyring } from '../../lake/atRest/keyring.ts'
import { copyEncrypted } from '../../lake/atRest/sqliteCopy.ts'
import { runLakeCli } from '../../lake/cli.ts'
import { createKeyring, DataKey, importDocuments, openLake, type Lake } from '../../lake/index.ts'
import { formatArchive } from '../../wire/index.ts'
import { filesBelow, plainTextIn, seedDocuments, seedSecrets } from './plainTextScan.ts'
import { testCost } from './testKey.ts'
import { apiVersionPath } from '../../core/index.ts'

const passphrase = 'the passphrase of the encrypted folder (fictional)'
const env = { PATH: process.env.PATH, LAKE_PASSPHRASE: passphrase }

async function lake(argv: string[]) {
  const lines: string[] = []
  const code = await runLakeCli(
    argv,
    (line) => lines.push(line),
    async () => '',
    { env, ask: null, keyringCost: testCost },
  )
  return { code, text: lines.join('\n'), last: lines.at(-1) ?? '' }
}

const request = (lake: Lake, path: string, token: string, body?: Uint8Array<ArrayBuffer>) =>
  lake.app.request(path, { method: body ? 'POST' : 'GET', headers: { Authorization: `Bearer ${token}` }, ...(body ? { body } : {}) })

/** A folder as the lake wrote it before encryption: the seed, a token, a photo, a recording, a resized image. */
async function plainFolder() {
  const dataDir = mkdtempSync(join(tmpdir(), 'encrypt-'))
  const plain = openLake({ dataDir, key: 'plain', log: () => {} })
  const dataset = plain.services.datasets.ensure('production')
  importDocuments(dataset, formatArchive(seedDocuments()), { author: 'seed', replace: false })
  const { token } = plain.services.tokens.create({ name: 'Admin (test)', role: 'administrator', now: new Date() })
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: 'teal' } })
    .png()
    .toBuffer()
  const image = (await (
    await request(plain, `${apiVersionPath}/assets/images/production?filename=p.png`, token, new Uint8Array(png))
  ).json()) as {
    document: { path: string }
  }
  const recording = Buffer.from('Spoken at the ceremony by Keo Chanthy (fictional). '.repeat(3000))
  const file = (await (
    await request(plain, `${apiVersionPath}/assets/files/production?filename=r.mp3`, token, new Uint8Array(recording))
  ).json()) as {
    document: { path: string }
  }
  expect((await request(plain, `/${image.document.path}?w=20`, token)).status).toBe(200)
  const documents = JSON.stringify(dataset.documents())
  plain.close()
  return { dataDir, token, documents, recording, imagePath: image.document.path, filePath: file.document.path }
}

describe('npm run lake -- encrypt', () => {
  it('encrypts a plain folder in place: the same documents, tokens and media, and no plain byte left', async () => {
    const before = await plainFolder()
    expect(plainTextIn(filesBelow(before.dataDir), seedSecrets()).length).toBeGreaterThan(100)
    expect(existsSync(join(before.dataDir, 'datasets', 'production', 'assets', 'transformed'))).toBe(true)
    expect((await lake(['token', 'list', '--data', before.dataDir])).last).toContain('is not encrypted yet; run `npm run lake -- encrypt')

    const result = await lake(['encrypt', '--data', before.dataDir])
    expect(result.code).toBe(0)
    expect(result.text).toContain('Encrypted 4 databases and 2 asset files')
    const files = filesBelow(before.dataDir)
    expect(plainTextIn(files, seedSecrets())).toEqual([])
    expect(files.filter((f) => f.bytes.includes(Buffer.from('Spoken at the ceremony'))).map((f) => f.path)).toEqual([])
    expect(files.filter((f) => f.path.endsWith(encryptingSuffix) || f.path.includes('transformed'))).toEqual([])

    const encrypted = openLake({ dataDir: before.dataDir, key: unlockKeyring(before.dataDir, passphrase), log: () => {} })
    expect(JSON.stringify(encrypted.services.datasets.get('production').documents())).toBe(before.documents)
    expect(encrypted.services.tokens.authenticate(before.token)).toMatchObject({ role: 'administrator' })
    const recording = await request(encrypted, `/${before.filePath}`, before.token)
    expect(Buffer.from(await recording.arrayBuffer()).equals(before.recording)).toBe(true)
    expect((await request(encrypted, `/${before.imagePath}?w=20`, before.token)).status).toBe(200)
    encrypted.close()
    expect((await lake(['encrypt', '--data', before.dataDir])).last).toContain('is encrypted already')
  }, 60_000)

  it('starts again after a run that stopped before writing its keyring', async () => {
    const before = await plainFolder()
    // An unfinished copy of the earlier run, never checked.
    writeFileSync(join(before.dataDir, `tokens.sqlite${encryptingSuffix}`), 'half a copy')
    expect((await lake(['encrypt', '--data', before.dataDir])).code).toBe(0)
    expect((await lake(['token', 'list', '--data', before.dataDir])).text).toContain('Admin (test)')
  }, 60_000)

  it('finishes a run that stopped after writing its keyring, and the lake refuses the folder until then', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'encrypt-half-'))
    const plain = openLake({ dataDir, key: 'plain', log: () => {} })
    importDocuments(plain.services.datasets.ensure('production'), formatArchive(seedDocuments()), { author: 'seed', replace: false })
    plain.services.tokens.create({ name: 'Kept (test)', role: 'publisher', now: new Date() })
    plain.close()
    // What encrypt has done when it stops just after the keyring: checked copies, the keyring.
    const key = DataKey.random()
    for (const file of sqliteFilesOf(dataDir)) copyEncrypted(file, `${file}${encryptingSuffix}`, key)
    createKeyring(dataDir, passphrase, testCost, key)
    expect((await lake(['token', 'list', '--data', dataDir])).last).toContain('stopped half-way')
    const finished = await lake(['encrypt', '--data', dataDir])
    expect(finished.last).toContain('Finished the encryption')
    expect(readdirSync(dataDir).filter((name) => name.endsWith(encryptingSuffix))).toEqual([])
    expect((await lake(['token', 'list', '--data', dataDir])).text).toContain('Kept (test)')
    expect(plainTextIn(filesBelow(dataDir), seedSecrets())).toEqual([])
  }, 60_000)
})
