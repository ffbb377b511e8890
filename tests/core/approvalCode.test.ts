// The approval code on the read-back sheet: short, unambiguous, typed back as a person types, and
// with a check character that catches a typing mistake without ever revealing the right code.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { approvalCode, approvalCodeMatches, readApprovalCode, textHash } from '../../core/index.ts'

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const hash = textHash('My name is Sreyneang.')
const plain = (code: string) => code.replace(/-/g, '')

describe('the approval code on the read-back sheet', () => {
  it('is nine unambiguous characters in three groups', () => {
    expect(approvalCode(hash)).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/)
  })

  it('accepts the code typed back in lower case, without dashes, with O for zero and l for one', () => {
    const typed = plain(approvalCode(hash)).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')
    expect(approvalCodeMatches(typed, hash)).toBe(true)
    expect(readApprovalCode(` ${typed.slice(0, 4)} ${typed.slice(4)} `)).toEqual({ kind: 'code', code: approvalCode(hash) })
  })

  it('does not match the code of another text', () => {
    expect(approvalCodeMatches(approvalCode(textHash('another text')), hash)).toBe(false)
  })

  it('calls anything that is not nine characters of its alphabet unreadable', () => {
    expect(readApprovalCode('ABC')).toEqual({ kind: 'unreadable' })
    expect(readApprovalCode('ABC-DEF-GHU')).toEqual({ kind: 'unreadable' })
    expect(readApprovalCode(plain(approvalCode(hash)).slice(0, 8))).toEqual({ kind: 'unreadable' })
  })

  it('catches every single wrong character as a typing mistake', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 31 }), (text, position, shift) => {
        const code = plain(approvalCode(textHash(text)))
        const wrong = alphabet[(alphabet.indexOf(code[position] ?? '0') + shift) % alphabet.length] ?? ''
        const typed = code.slice(0, position) + wrong + code.slice(position + 1)
        expect(readApprovalCode(typed)).toEqual({ kind: 'typo' })
      }),
    )
  })

  it('catches nearly every swap of two neighbouring characters', () => {
    let swaps = 0
    let caught = 0
    for (let n = 0; n < 500; n++) {
      const code = plain(approvalCode(textHash(`text ${n}`)))
      for (let i = 0; i < 8; i++) {
        if (code[i] === code[i + 1]) continue
        swaps++
        if (readApprovalCode(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)).kind === 'typo') caught++
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.99)
  })

  it('says what to pass when given something that is not a hash', () => {
    expect(() => approvalCode('abc')).toThrow(/not a text hash; pass the value of textHash/)
  })
})
