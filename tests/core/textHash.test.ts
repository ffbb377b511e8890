import { describe, expect, it } from 'vitest'
import { normaliseText, textHash } from '../../core/index.ts'

describe('the hash of an approved text', () => {
  it('is the same for the same words however they were typed or wrapped', () => {
    const composed = 'ខ្ញុំ\u00A0 បាន\n\nរៀបការ  e\u0301t\u00e9'
    const decomposed = 'ខ្ញុំ បាន\u200B រៀបការ \u00e9t\u00e9'
    expect(normaliseText(composed)).toBe(normaliseText(decomposed))
    expect(textHash(composed)).toBe(textHash(decomposed))
  })

  it('changes when one letter changes', () => {
    expect(textHash('I was married in 1977.')).not.toBe(textHash('I was married in 1978.'))
  })

  it('is the SHA-256 of the normalised UTF-8 text, as any browser computes it', async () => {
    const text = '  ខ្ញុំបានរៀបការដោយបង្ខំ   នៅឆ្នាំ១៩៧៧ '
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normaliseText(text)))
    const hex = Buffer.from(digest).toString('hex')
    expect(textHash(text)).toBe(`sha256:${hex}`)
  })
})
