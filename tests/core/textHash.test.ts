import { describe, expect, it } from 'vitest'
import { approvalCode, approvalCodeMatches, normaliseText, readApprovalCode, textHash } from '../../core/index.ts'

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

describe('the approval code on the read-back sheet', () => {
  const hash = textHash('My name is Sreyneang.')

  it('is eight unambiguous characters in two groups', () => {
    expect(approvalCode(hash)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
  })

  it('accepts the code typed back in lower case, without the dash, with O for zero and l for one', () => {
    const code = approvalCode(hash)
    const typed = code.toLowerCase().replace('-', ' ').replace(/0/g, 'o').replace(/1/g, 'l')
    expect(approvalCodeMatches(typed, hash)).toBe(true)
  })

  it('does not match the code of another text', () => {
    expect(approvalCodeMatches(approvalCode(textHash('another text')), hash)).toBe(false)
  })

  it('refuses a code that is not eight characters of its alphabet', () => {
    expect(readApprovalCode('ABC')).toBeNull()
    expect(readApprovalCode('ABCD-EFGU')).toBeNull()
  })

  it('says what to pass when given something that is not a hash', () => {
    expect(() => approvalCode('abc')).toThrow(/not a text hash; pass the value of textHash/)
  })
})
