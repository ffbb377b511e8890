// Recording a survivor's approval from the read-back sheet: only the code of the text as it is now
// is accepted, and the record binds her approval to that text's hash.
import { describe, expect, it } from 'vitest'
import { approvableText, consentGate, textHash } from '../../../core/index.ts'
import { checkApproval, readBackParts, type ApprovalForm } from '../../../studio/workflow/index.ts'
import { describeApprovalProblem, archiveText } from '../../../studio/locale/index.ts'
import { aConsent, aTestimony, today } from '../../core/fixtures.ts'

const form = (overrides: Partial<ApprovalForm> = {}): ApprovalForm => ({
  codes: {},
  scopes: ['ceremonyReading', 'website'],
  method: 'thumbprint',
  explainedIn: 'km',
  witnessName: '',
  witnessRole: '',
  dateGiven: today,
  reviewDate: '2027-11-29',
  ...overrides,
})
const codeOf = (part: string) => readBackParts(aTestimony()).find((p) => p.part === part)?.code ?? ''
const input = (f: ApprovalForm, testimony = aTestimony()) => ({
  testimony,
  inForce: null,
  form: f,
  today,
  recordedBy: 'therapist-sovann',
  recordId: 'consent-new',
})

describe('recording approval from the signed sheet', () => {
  it('records the hash of each text whose code she approved, and who recorded it', () => {
    const codes = { 'full.km': codeOf('full.km'), 'public.km': codeOf('public.km'), 'public.en': codeOf('public.en') }
    const result = checkApproval(input(form({ codes })))
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    const testimony = aTestimony()
    expect(result.record).toMatchObject({
      _type: 'consentRecord',
      testimony: { _ref: 'testimony-test-1' },
      recordedBy: 'therapist-sovann',
      approvedText: { km: textHash(approvableText(testimony, 'full', 'km')) },
      approvedPublicText: {
        km: textHash(approvableText(testimony, 'public', 'km')),
        en: textHash(approvableText(testimony, 'public', 'en')),
      },
    })
    expect(result.record.approvedText).not.toHaveProperty('en')
  })

  it('accepts the code as a person types it: lower case, no dash, O for 0', () => {
    const typed = codeOf('public.en').toLowerCase().replace('-', ' ').replace('-', '').replace(/0/g, 'o')
    expect(checkApproval(input(form({ codes: { 'public.en': typed } }))).ok).toBe(true)
  })

  it('refuses a code printed before the text was edited, never shows the right one, and says to print and read back again', () => {
    const printed = codeOf('public.en')
    const edited = aTestimony()
    edited.publicVersion = { ...edited.publicVersion, hopes: { ...edited.publicVersion?.hopes, en: 'I hope for justice.' } }
    const current = readBackParts(edited).find((p) => p.part === 'public.en')?.code ?? ''
    const result = checkApproval(input(form({ codes: { 'public.en': printed } }), edited))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toEqual([{ code: 'codeOfAnotherText', part: 'public.en', typed: printed }])
    const words = describeApprovalProblem(result.problems[0]!, 'en', archiveText('en-US'))
    const khmer = describeApprovalProblem(result.problems[0]!, 'km', archiveText('km-KH'))
    expect(words).toContain(printed)
    expect(words).toMatch(/Print a new sheet, read it back to her/)
    expect(khmer).toMatch(/បោះពុម្ពសន្លឹកថ្មី/)
    for (const text of [words, khmer, JSON.stringify(result)]) expect(text).not.toContain(current)
  })

  it('tells a typing mistake apart from a changed text, without showing the right code', () => {
    const printed = codeOf('public.en')
    const misread = printed.slice(0, 5) + (printed[5] === 'X' ? 'Y' : 'X') + printed.slice(6)
    const result = checkApproval(input(form({ codes: { 'public.en': misread } })))
    expect(result.ok ? [] : result.problems).toEqual([{ code: 'codeTypo', part: 'public.en', typed: misread }])
    if (result.ok) return
    const words = describeApprovalProblem(result.problems[0]!, 'en', archiveText('en-US'))
    expect(words).toMatch(/typing mistake/)
    expect(words).not.toContain(printed)
    expect(describeApprovalProblem(result.problems[0]!, 'km', archiveText('km-KH'))).toMatch(/កំហុសក្នុងការវាយ/)
  })

  it('refuses without a code, without scopes, without a method, or a spoken consent without its witness', () => {
    const result = checkApproval(input(form({ scopes: [], method: null })))
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['noCode', 'noScopes', 'noMethod'])
    const spoken = checkApproval(input(form({ codes: { 'full.en': codeOf('full.en') }, method: 'spokenWitnessed' })))
    expect(spoken.ok ? [] : spoken.problems.map((p) => p.code)).toEqual(['witnessNeeded'])
  })

  it('refuses a date after today and a review date that is not after the date given', () => {
    const result = checkApproval(
      input(form({ codes: { 'full.en': codeOf('full.en') }, dateGiven: '2026-12-01', reviewDate: '2026-11-01' })),
    )
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['dateInFuture', 'reviewNotAfterGiven'])
  })

  it('keeps her earlier approval of a text she was not asked about again', () => {
    const testimony = aTestimony()
    const earlier = aConsent(testimony)
    const result = checkApproval({ ...input(form({ codes: { 'public.en': codeOf('public.en') } })), inForce: earlier })
    if (!result.ok) throw new Error('refused')
    expect(result.record.approvedText).toEqual(earlier.approvedText)
  })

  it('makes a record that opens the gate for what she agreed to, and only that', () => {
    const testimony = aTestimony()
    const codes = Object.fromEntries(readBackParts(testimony).map((p) => [p.part, p.code]))
    const result = checkApproval(input(form({ codes, scopes: ['ceremonyReading'] })))
    if (!result.ok) throw new Error('refused')
    const consents = [{ ...aConsent(testimony), ...result.record, _id: 'consent-new' }]
    const ask = (use: 'ceremony' | 'website') =>
      consentGate({ testimony, consents, today, request: { use, form: 'anonymous', language: 'en' } }).allowed
    expect(ask('ceremony')).toBe(true)
    expect(ask('website')).toBe(false)
  })

  it('records the day before which she asked that her story not be made public, and the gate holds it until then', () => {
    const testimony = aTestimony()
    const codes = { 'public.en': codeOf('public.en'), 'public.km': codeOf('public.km') }
    const result = checkApproval(input(form({ codes, notBefore: '2027-01-15' })))
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.record.notBefore).toBe('2027-01-15')
    const consents = [{ ...aConsent(testimony), ...result.record, _id: 'consent-new', dateGiven: today }]
    const website = (day: string) =>
      consentGate({ testimony, consents, today: day, request: { use: 'website', form: 'anonymous', language: 'en' } })
    expect(website('2027-01-14')).toMatchObject({ allowed: false, reasons: [{ code: 'publicationHeld', notBefore: '2027-01-15' }] })
    expect(website('2027-01-15').allowed).toBe(true)
    const without = checkApproval(input(form({ codes, notBefore: '' })))
    expect(without.ok && 'notBefore' in without.record).toBe(false)
  })

  it('refuses a hold that ends before the consent was given or not before the review date, in words', () => {
    const codes = { 'full.en': codeOf('full.en') }
    const early = checkApproval(input(form({ codes, notBefore: '2026-11-01' })))
    const late = checkApproval(input(form({ codes, notBefore: '2027-11-29' })))
    expect(early.ok ? [] : early.problems).toEqual([{ code: 'holdNotAfterGiven' }])
    expect(late.ok ? [] : late.problems).toEqual([{ code: 'holdNotBeforeReview' }])
    for (const language of ['en', 'km'] as const) {
      expect(
        describeApprovalProblem({ code: 'holdNotBeforeReview' }, language, archiveText(language === 'km' ? 'km-KH' : 'en-US')),
      ).toMatch(language === 'km' ? /ពិនិត្យឡើងវិញ/ : /review date/)
    }
  })
})
