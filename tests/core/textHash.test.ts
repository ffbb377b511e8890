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

describe('what the normalisation folds and what counts as an edit', () => {
  const khmer = 'ខ្ញុំបានរៀបការ'
  it('folds every Unicode white space, the next line U+0085 included, and the zero-width space, word joiner and BOM', () => {
    for (const space of [
      '\u0085',
      '\u00A0',
      '\u1680',
      '\u2003',
      '\u2028',
      '\u2029',
      '\u202F',
      '\u3000',
      '\u200B',
      '\u2060',
      '\uFEFF',
      '\t\r\n',
    ]) {
      expect(textHash(`${khmer}${space}ដោយបង្ខំ`)).toBe(textHash(`${khmer} ដោយបង្ខំ`))
    }
    expect(normaliseText('\u0085 words \u200B\u2060 ')).toBe('words')
  })

  it('counts a zero-width non-joiner or joiner as an edit, since they change how Khmer renders', () => {
    for (const joiner of ['\u200C', '\u200D']) {
      expect(textHash(`ខ្ញុំ${joiner}បាន`)).not.toBe(textHash('ខ្ញុំបាន'))
      expect(normaliseText(`ខ្ញុំ${joiner}បាន`)).toBe(`ខ្ញុំ${joiner}បាន`)
    }
  })
})
