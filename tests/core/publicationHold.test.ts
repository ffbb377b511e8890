// "Not before a day" (after a trial, after a family event): the gate refuses every public use until
// that day with its own reason, and allows it on the day; the archive may publish before then, so
// that the site shows the story on that day by itself.
import { describe, expect, it } from 'vitest'
import {
  consentGate,
  describeReason,
  projectPublicTestimony,
  publicationHeldUntil,
  publicationRefusals,
  type ConsentUse,
} from '../../core/index.ts'
import { aConsent, aTestimony } from './fixtures.ts'

const testimony = aTestimony()
const held = aConsent(testimony, { notBefore: '2026-12-15', scopes: ['ceremonyReading', 'website', 'teaching', 'research', 'eccc'] })
const ask = (use: ConsentUse, today: string, consents = [held]) =>
  consentGate({ testimony, consents, today, request: { use, form: 'anonymous', language: 'en' } })

describe('a publication held until a day', () => {
  it('is refused on the website, for teaching and for research until that day, with its own reason', () => {
    for (const use of ['website', 'teaching', 'research'] as const) {
      expect(ask(use, '2026-12-14')).toMatchObject({ allowed: false, reasons: [{ code: 'publicationHeld', notBefore: '2026-12-15' }] })
      expect(ask(use, '2026-12-15').allowed).toBe(true)
    }
  })

  it('does not hold the ceremony reading or sharing with the ECCC, which are not publication', () => {
    expect(ask('ceremony', '2026-12-01').allowed).toBe(true)
    expect(ask('eccc', '2026-12-01').allowed).toBe(true)
  })

  it('is public on the site exactly from its day', () => {
    expect(projectPublicTestimony({ testimony, consents: [held], use: 'website', today: '2026-12-14' }).public).toBe(false)
    expect(projectPublicTestimony({ testimony, consents: [held], use: 'website', today: '2026-12-15' }).public).toBe(true)
  })

  it('may be published in the archive before its day, and says until when it is held', () => {
    expect(publicationRefusals(testimony, [held], '2026-12-01')).toEqual([])
    expect(publicationHeldUntil(testimony._id, [held], '2026-12-01')).toBe('2026-12-15')
    expect(publicationHeldUntil(testimony._id, [held], '2026-12-15')).toBeNull()
  })

  it('waives only the hold: any other reason still refuses publishing', () => {
    const notGranted = aConsent(testimony, { notBefore: '2026-12-15', scopes: ['ceremonyReading'] })
    expect(publicationRefusals(testimony, [notGranted], '2026-12-01')).toEqual([
      'The survivor has not consented to "Publication on the website (anonymous)". Ask her, and record it only if she agrees.',
    ])
  })

  it('is lifted by a later consent record without it, as her newest record replaces the older', () => {
    const later = aConsent(testimony, { _id: 'consent-test-2', dateGiven: '2026-06-01' })
    expect(ask('website', '2026-12-01', [held, later]).allowed).toBe(true)
    expect(publicationHeldUntil(testimony._id, [held, later], '2026-12-01')).toBeNull()
  })

  it('is told with its day in words, in English and in Khmer', () => {
    const reason = { code: 'publicationHeld', notBefore: '2026-12-15' } as const
    expect(describeReason(reason, 'en')).toContain('not be made public before 15 December 2026')
    expect(describeReason(reason, 'km')).toContain('ថ្ងៃទី១៥ ខែធ្នូ ឆ្នាំ២០២៦')
  })
})
