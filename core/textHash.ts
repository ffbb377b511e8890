// The content hash that binds an approval to the exact words approved. SHA-256 from @noble/hashes
// so that Node, the Studio in any browser (secure context or not) and the site compute it alike.
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { normaliseText } from './normalisedText.ts'

export const textHashPrefix = 'sha256:'

/** `sha256:<hex>` of the normalised text. */
export function textHash(text: string): string {
  return textHashPrefix + bytesToHex(sha256(utf8ToBytes(normaliseText(text))))
}

export function isTextHash(value: string): boolean {
  return /^sha256:[0-9a-f]{64}$/.test(value)
}
