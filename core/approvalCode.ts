// The short code printed on the read-back sheet: the first 40 bits of the text hash in Crockford
// base32 (no I, L, O, U), so a therapist can read it off paper and type it back without confusion,
// and a ninth check character (ISO/IEC 7064 hybrid MOD 33,32) that tells a typing mistake apart
// from the code of another text without revealing the right one. Written in three groups: 7KQ-2M9-XDA.
import { isTextHash, textHashPrefix } from './textHash.ts'

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const dataLength = 8
const modulus = alphabet.length

/** How a typed code reads: a well-formed code, a typing mistake its check caught, or not a code at all. */
export type TypedApprovalCode = { kind: 'code'; code: string } | { kind: 'typo' } | { kind: 'unreadable' }

export function approvalCode(hash: string): string {
  if (!isTextHash(hash)) {
    throw new TypeError(`approvalCode: "${hash}" is not a text hash; pass the value of textHash(text)`)
  }
  const hex = hash.slice(textHashPrefix.length, textHashPrefix.length + 10)
  let bits = BigInt('0x' + hex)
  const values: number[] = []
  for (let i = 0; i < dataLength; i++) {
    values.unshift(Number(bits & 31n))
    bits >>= 5n
  }
  return written([...values, checkValue(values)])
}

/** Reads a code as a person typed it: any case, spaces or dashes, O for 0, I and L for 1. */
export function readApprovalCode(typed: string): TypedApprovalCode {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  const values = [...cleaned].map((c) => alphabet.indexOf(c))
  if (values.length !== dataLength + 1 || values.some((v) => v < 0)) return { kind: 'unreadable' }
  if (!isWhole(values)) return { kind: 'typo' }
  return { kind: 'code', code: written(values) }
}

export function approvalCodeMatches(typed: string, hash: string): boolean {
  const read = readApprovalCode(typed)
  return read.kind === 'code' && read.code === approvalCode(hash)
}

function written(values: ReadonlyArray<number>): string {
  const code = values.map((v) => alphabet[v]).join('')
  return `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`
}

// ISO/IEC 7064's hybrid system with M = 32: every single wrong character changes the result (33 is
// odd, so doubling modulo 33 loses nothing), and most swaps of two neighbours do too. A code is
// whole when its check value brings the running sum to 1.
function runningProduct(values: ReadonlyArray<number>): number {
  let product = modulus
  for (const value of values) {
    const sum = (product + value) % modulus || modulus
    product = (2 * sum) % (modulus + 1)
  }
  return product
}

function checkValue(values: ReadonlyArray<number>): number {
  return (((1 - runningProduct(values)) % modulus) + modulus) % modulus
}

function isWhole(values: ReadonlyArray<number>): boolean {
  const check = values[dataLength] ?? -1
  return checkValue(values.slice(0, dataLength)) === check
}
