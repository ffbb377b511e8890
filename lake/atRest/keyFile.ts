// Key files: a random secret in a small text file (the `.lake-key` the first start makes, or one
// on a USB stick), readable by its owner only. Its first line that is not a comment is the secret.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { writeFileDurably } from './durableFile.ts'

const explanation = [
  '# The key of the testimony archive’s data (see README, "Encryption at rest").',
  '# Without this key, or a passphrase set with `npm run lake -- rekey`, the data can never be read again.',
  '# Keep a copy in a safe place, apart from the machine.',
]

export function readKeyFile(path: string): string {
  const secret = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('#'))
  if (!secret) throw new Error(`The key file ${path} holds no key (its lines are empty or comments)`)
  return secret
}

/** Writes a new random key file (refusing to replace one) and returns its secret. */
export function makeKeyFile(path: string): string {
  if (existsSync(path)) throw new Error(`${path} exists already; a key file is never replaced, since it may be the only key to some data`)
  mkdirSync(dirname(path), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileDurably(path, [...explanation, secret, ''].join('\n'), 0o600)
  return secret
}
