// The content hash that binds an approval to the exact words approved. SHA-256 from @noble/hashes
// so that Node, the Studio in any browser (secure context or not) and the site compute it alike.
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { normaliseText } from './normalisedText.ts'

export const textHashPrefix = 'sha256:'

// The Studio asks for the same texts' hashes many times per keystroke (the badge, the publish
// button and the approval actions each judge the open testimony); the last few are remembered.
const remembered = new Map<string, string>()
const rememberedTexts = 32

/** `sha256:<hex>` of the normalised text. */
export function textHash(text: string): string {
  const known = remembered.get(text)
  if (known !== undefined) return known
  const hash = textHashPrefix + bytesToHex(sha256(utf8ToBytes(normaliseText(text))))
  if (remembered.size >= rememberedTexts) remembered.delete(remembered.keys().next().value ?? '')
  remembered.set(text, hash)
  return hash
}

export function isTextHash(value: string): boolean {
  return /^sha256:[0-9a-f]{64}$/.test(value)
}

/** Forgets the remembered texts (after an erasure, so that no erased text stays in memory). */
export function forgetHashedTexts(): void {
  remembered.clear()
}
