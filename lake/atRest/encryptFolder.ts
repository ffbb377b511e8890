// `npm run lake -- encrypt`: a plain data folder (written before encryption at rest) made an
// encrypted one. Every SQLite file and asset is first copied encrypted beside itself
// (`…encrypting`) and checked against it; only then is the keyring written, and each plain file
// overwritten with zeros and replaced by its copy. A run stopped before the keyring leaves the
// folder plain as it was (the next run removes the copies); one stopped after is finished by the
// next run. The cache of resized images is removed (it is made again), and the public site's
// builds (`site/`) stay as they are: what they hold was public.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { sealedCodec, type AssetCodec } from './assetCodec.ts'
import { DataKey } from './dataKey.ts'
import { flushFolder } from './durableFile.ts'
import { encryptingSuffix, folderState, leftoverCopies, sqliteFilesOf } from './folderState.ts'
import { createKeyring, keyringFileName, type KeyringCost } from './keyring.ts'
import { copyEncrypted } from './sqliteCopy.ts'

export interface EncryptionResult {
  databases: number
  assets: number
  /** Files of the data folder the lake did not write, left as they are. */
  unknown: string[]
}

const assetName = /^[a-f0-9]{40}(-\d+x\d+)?\.[a-z0-9]+$/
const known = new Set([keyringFileName, 'tokens.sqlite', 'settings.sqlite', 'accounts.sqlite', 'datasets', 'site'])

const assetFoldersOf = (dataDir: string) =>
  sqliteFilesOf(dataDir)
    .filter((file) => file.endsWith('documents.sqlite'))
    .map((file) => join(dirname(file), 'assets'))

function assetFilesOf(dataDir: string): string[] {
  return assetFoldersOf(dataDir).flatMap((folder) =>
    existsSync(folder)
      ? readdirSync(folder)
          .filter((name) => assetName.test(name))
          .map((name) => join(folder, name))
      : [],
  )
}

async function digest(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of chunks) hash.update(chunk)
  return hash.digest('hex')
}

async function sealedCopy(file: string, codec: AssetCodec): Promise<void> {
  const copy = `${file}${encryptingSuffix}`
  await pipeline(createReadStream(file), codec.writer(), createWriteStream(copy, { flush: true }))
  const sealed = await codec.open(copy)
  const same = (await digest(createReadStream(file))) === (await digest(sealed.size === 0 ? [] : sealed.stream(0, sealed.size - 1)))
  if (!same) throw new Error(`The encrypted copy of ${file} does not read back the same; nothing was replaced`)
}

/** Overwrites a plain file's bytes with zeros on disk before it goes (see README on what this can not promise). */
async function zeroFill(file: string): Promise<void> {
  const handle = await open(file, 'r+')
  try {
    const { size } = await handle.stat()
    const zeros = Buffer.alloc(1024 * 1024)
    for (let at = 0; at < size; at += zeros.length) await handle.write(zeros, 0, Math.min(zeros.length, size - at), at)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Puts every checked encrypted copy in place of its plain file (the keyring is written already). */
export async function finishEncryption(dataDir: string): Promise<number> {
  const copies = leftoverCopies(dataDir)
  for (const copy of copies) {
    const plain = copy.slice(0, -encryptingSuffix.length)
    for (const companion of [plain, `${plain}-wal`, `${plain}-journal`]) if (existsSync(companion)) await zeroFill(companion)
    rmSync(`${plain}-wal`, { force: true })
    rmSync(`${plain}-journal`, { force: true })
    rmSync(`${plain}-shm`, { force: true })
    renameSync(copy, plain)
    flushFolder(dirname(plain))
  }
  for (const folder of assetFoldersOf(dataDir)) {
    rmSync(join(folder, 'transformed'), { recursive: true, force: true })
    if (existsSync(folder)) for (const name of readdirSync(folder)) if (name.endsWith('.tmp')) rmSync(join(folder, name), { force: true })
  }
  return copies.length
}

export async function encryptFolder(dataDir: string, secret: string, cost?: KeyringCost): Promise<EncryptionResult> {
  if (folderState(dataDir) !== 'plain') throw new Error(`${dataDir} holds no plain data to encrypt`)
  // Copies of a run that stopped before its keyring was written are incomplete or unchecked.
  for (const copy of leftoverCopies(dataDir)) rmSync(copy, { force: true })
  const key = DataKey.random()
  const databases = sqliteFilesOf(dataDir)
  for (const file of databases) copyEncrypted(file, `${file}${encryptingSuffix}`, key)
  const assets = assetFilesOf(dataDir)
  const codec = sealedCodec(key.assetKey)
  for (const file of assets) await sealedCopy(file, codec)
  createKeyring(dataDir, secret, cost, key)
  await finishEncryption(dataDir)
  const unknown = readdirSync(dataDir)
    .filter((name) => !known.has(name) && !/\.sqlite-(wal|shm|journal)$/.test(name))
    .map((name) => join(dataDir, name))
  return { databases: databases.length, assets: assets.length, unknown: unknown.filter((path) => basename(path) !== '.DS_Store') }
}
