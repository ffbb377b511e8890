// The data folder's keyring (keyring.json): the data key wrapped with AES-256-GCM by a key derived
// from a secret (a passphrase, or a key file's contents) with scrypt. The salt and the cost are
// stored with it, so the cost can be raised later. Changing the secret rewraps the same data key,
// so nothing else is rewritten; a wrong secret fails the wrap's check before anything is opened.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { DataKey } from './dataKey.ts'
import { writeFileDurably } from './durableFile.ts'
import { parseOrExplain } from '../../core/index.ts'

export const keyringFileName = 'keyring.json'

export interface KeyringCost {
  N: number
  r: number
  p: number
}

/** 128 MiB and about half a second on the office machine, once per start or command. */
export const keyringCost: KeyringCost = { N: 2 ** 17, r: 8, p: 1 }

const base64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/)
const keyringFile = z.strictObject({
  format: z.literal('testimony-archive keyring'),
  version: z.literal(1),
  keyId: z.string().regex(/^[a-f0-9]{32}$/),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.number().int().min(2),
    r: z.number().int().min(1),
    p: z.number().int().min(1),
    salt: base64,
  }),
  wrappedKey: z.strictObject({ algorithm: z.literal('aes-256-gcm'), iv: base64, ciphertext: base64, tag: base64 }),
})
type Keyring = z.infer<typeof keyringFile>

export class WrongKeyError extends Error {}

export const keyringPath = (dataDir: string) => join(dataDir, keyringFileName)
export const hasKeyring = (dataDir: string) => existsSync(keyringPath(dataDir))

export function readKeyring(dataDir: string): Keyring {
  const path = keyringPath(dataDir)
  return parseOrExplain(
    keyringFile,
    JSON.parse(readFileSync(path, 'utf8')),
    `the keyring ${path}`,
    'restore it from a copy of the data folder.',
  )
}

function wrappingKey(secret: string, salt: Buffer, cost: KeyringCost): Buffer {
  return scryptSync(secret.normalize('NFC'), salt, 32, { ...cost, maxmem: 256 * cost.N * cost.r })
}

function wrap(key: DataKey, secret: string, cost: KeyringCost): Keyring {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secret, salt, cost), iv)
  cipher.setAAD(Buffer.from(key.id))
  const ciphertext = Buffer.concat([cipher.update(key.bytesToWrap()), cipher.final()])
  return {
    format: 'testimony-archive keyring',
    version: 1,
    keyId: key.id,
    kdf: { name: 'scrypt', ...cost, salt: salt.toString('base64') },
    wrappedKey: {
      algorithm: 'aes-256-gcm',
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
  }
}

const write = (dataDir: string, keyring: Keyring) => writeFileDurably(keyringPath(dataDir), `${JSON.stringify(keyring, null, 2)}\n`)

/** A keyring for a folder that has none: a new data key (or `key`), wrapped by the secret. */
export function createKeyring(dataDir: string, secret: string, cost: KeyringCost = keyringCost, key = DataKey.random()): DataKey {
  if (hasKeyring(dataDir)) throw new Error(`${keyringPath(dataDir)} exists already; the folder has its key`)
  mkdirSync(dataDir, { recursive: true })
  write(dataDir, wrap(key, secret, cost))
  return key
}

/**
 * A key for a folder that lives only as long as this process (a check, a benchmark, a test): its
 * keyring is wrapped by a random secret nobody keeps, so little stretching is needed.
 */
export function throwawayKey(dataDir: string): DataKey {
  return createKeyring(dataDir, randomBytes(32).toString('base64url'), { N: 2 ** 10, r: 8, p: 1 })
}

/** The folder's data key, unwrapped by the secret; a WrongKeyError when the secret is not its own. */
export function unlockKeyring(dataDir: string, secret: string): DataKey {
  const keyring = readKeyring(dataDir)
  const { N, r, p, salt } = keyring.kdf
  const decipher = createDecipheriv(
    'aes-256-gcm',
    wrappingKey(secret, Buffer.from(salt, 'base64'), { N, r, p }),
    Buffer.from(keyring.wrappedKey.iv, 'base64'),
  )
  decipher.setAAD(Buffer.from(keyring.keyId))
  decipher.setAuthTag(Buffer.from(keyring.wrappedKey.tag, 'base64'))
  let bytes: Buffer
  try {
    bytes = Buffer.concat([decipher.update(Buffer.from(keyring.wrappedKey.ciphertext, 'base64')), decipher.final()])
  } catch {
    throw new WrongKeyError('the secret does not unwrap the data key')
  }
  const key = new DataKey(bytes)
  if (key.id !== keyring.keyId) throw new WrongKeyError('the unwrapped key is not the folder’s')
  return key
}

/** Wraps the same data key by a new secret (the old one stops opening the folder); no data is rewritten. */
export function rewrapKeyring(dataDir: string, key: DataKey, newSecret: string, cost: KeyringCost = keyringCost): void {
  if (readKeyring(dataDir).keyId !== key.id) throw new WrongKeyError('the key is not this folder’s')
  write(dataDir, wrap(key, newSecret, cost))
}
