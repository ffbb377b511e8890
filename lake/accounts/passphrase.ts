// Staff passphrases, hashed with scrypt: a random salt per passphrase, and the cost parameters
// stored with the hash, so that they can be raised later without locking anyone out.
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** Shorter passphrases are refused; a phrase of a few words is easier to remember than a code. */
export const minPassphraseLength = 10
/** Longest passphrase read; longer input is refused before any hashing (it costs the same). */
export const maxPassphraseLength = 1024

/** scrypt's cost for new hashes: 32 MiB and about a tenth of a second on the office machine. */
export const currentCost = { N: 2 ** 15, r: 8, p: 1 } as const
const keyLength = 32
const stored = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/

interface Cost {
  N: number
  r: number
  p: number
}

function derive(passphrase: string, salt: Buffer, cost: Cost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r }
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

/** Why a new passphrase is refused, in words for the administrator; null when it may be used. */
export function passphraseProblem(passphrase: string): string | null {
  const length = [...passphrase].length
  if (length < minPassphraseLength)
    return `A passphrase needs at least ${minPassphraseLength} characters (this one has ${length}); a few words together are easy to remember`
  if (length > maxPassphraseLength) return `A passphrase may have at most ${maxPassphraseLength} characters`
  return null
}

/** The stored form: `scrypt$N=…,r=…,p=…$salt$hash`, base64. */
export async function hashPassphrase(passphrase: string, cost: Cost = currentCost): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(passphrase, salt, cost)
  return `scrypt$N=${cost.N},r=${cost.r},p=${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

function parse(hash: string): { cost: Cost; salt: Buffer; key: Buffer } | null {
  const match = stored.exec(hash)
  if (!match) return null
  const [, N, r, p, salt, key] = match
  return {
    cost: { N: Number(N), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt ?? '', 'base64'),
    key: Buffer.from(key ?? '', 'base64'),
  }
}

/** Whether the passphrase is the one hashed, compared in constant time. */
export async function passphraseMatches(passphrase: string, hash: string): Promise<boolean> {
  const parsed = parse(hash)
  if (!parsed) return false
  const key = await derive(passphrase, parsed.salt, parsed.cost)
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key)
}

/** Whether a hash was made with less work than new hashes get (it is redone at the next sign-in). */
export function hashIsWeaker(hash: string): boolean {
  const parsed = parse(hash)
  return !parsed || parsed.cost.N < currentCost.N || parsed.cost.r < currentCost.r || parsed.cost.p < currentCost.p
}

// No 0/o, 1/l/i: read aloud or copied from a screen without mistakes.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'

/** A random passphrase for a new account, in four groups of four (about 79 bits). */
export function randomPassphrase(): string {
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('')
  return [group(), group(), group(), group()].join('-')
}
