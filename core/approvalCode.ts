// The short code printed on the read-back sheet: the first 40 bits of the text hash in Crockford
// base32 (no I, L, O, U), so a therapist can read it off paper and type it back without confusion.
import { isTextHash, textHashPrefix } from './textHash.ts'

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const codeLength = 8

export function approvalCode(hash: string): string {
  if (!isTextHash(hash)) {
    throw new TypeError(`approvalCode: "${hash}" is not a text hash; pass the value of textHash(text)`)
  }
  const hex = hash.slice(textHashPrefix.length, textHashPrefix.length + 10)
  let bits = BigInt('0x' + hex)
  let code = ''
  for (let i = 0; i < codeLength; i++) {
    code = alphabet[Number(bits & 31n)] + code
    bits >>= 5n
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** Reads a code as a person typed it: any case, spaces or dashes, O for 0, I and L for 1. */
export function readApprovalCode(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (cleaned.length !== codeLength || [...cleaned].some((c) => !alphabet.includes(c))) return null
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4)}`
}

export function approvalCodeMatches(typed: string, hash: string): boolean {
  return readApprovalCode(typed) === approvalCode(hash)
}
