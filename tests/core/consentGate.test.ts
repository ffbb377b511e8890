import { describe, expect, it } from 'vitest'
import { consentGate, describeReason, type GateDecision, type PublicationRequest } from '../../core/index.ts'
import { aConsent, aTestimony, today } from './fixtures.ts'

const website: PublicationRequest = { use: 'website', form: 'anonymous', language: 'en' }
const reasonsOf = (decision: GateDecision) => (decision.allowed ? [] : decision.reasons)

describe('the consent gate', () => {
  it('allows an anonymous website publication that the survivor approved, word for word', () => {
    const testimony = aTestimony()
    const decision = consentGate({ testimony, consents: [aConsent(testimony)], request: website, today })
    expect(decision).toMatchObject({ allowed: true, consentId: 'consent-test-1' })
  })

  it('refuses when no consent has been recorded', () => {
    const decision = consentGate({ testimony: aTestimony(), consents: [], request: website, today })
    expect(reasonsOf(decision)).toEqual([{ code: 'noConsent' }])
  })

  it('does not count a consent still being drafted in the Studio', () => {
    const testimony = aTestimony()
    const draft = aConsent(testimony, { _id: 'drafts.consent-test-1' })
    expect(reasonsOf(consentGate({ testimony, consents: [draft], request: website, today }))).toEqual([{ code: 'noConsent' }])
  })

  it('does not count the consent of another testimony', () => {
    const testimony = aTestimony()
    const other = aConsent(testimony, { testimony: { _ref: 'testimony-other' } })
    expect(reasonsOf(consentGate({ testimony, consents: [other], request: website, today }))).toEqual([{ code: 'noConsent' }])
  })

  it('refuses a use whose scope was not granted', () => {
    const testimony = aTestimony()
    const decision = consentGate({ testimony, consents: [aConsent(testimony)], request: { ...website, use: 'research' }, today })
    expect(reasonsOf(decision)).toEqual([{ code: 'scopeNotGranted', scope: 'research' }])
  })

  it('refuses the first name unless that scope was granted too', () => {
    const testimony = aTestimony()
    const decision = consentGate({ testimony, consents: [aConsent(testimony)], request: { ...website, form: 'firstName' }, today })
    expect(reasonsOf(decision)).toEqual([{ code: 'scopeNotGranted', scope: 'firstName' }])
  })

  it('refuses a photograph or a recording without their own scopes', () => {
    const testimony = aTestimony()
    const request: PublicationRequest = { ...website, media: ['photograph', 'voiceRecording'] }
    expect(reasonsOf(consentGate({ testimony, consents: [aConsent(testimony)], request, today }))).toEqual([
      { code: 'scopeNotGranted', scope: 'photograph' },
      { code: 'scopeNotGranted', scope: 'voiceRecording' },
    ])
  })

  it('refuses a scope that was withdrawn, even one with a date still to come', () => {
    const testimony = aTestimony()
    const consent = aConsent(testimony, {
      withdrawals: [{ date: '2027-01-01', method: 'phone', recordedBy: 'therapist', scopes: ['website'] }],
    })
    expect(reasonsOf(consentGate({ testimony, consents: [consent], request: website, today }))).toEqual([
      { code: 'scopeWithdrawn', scope: 'website', date: '2027-01-01' },
    ])
  })

  it('still allows the scopes that were not withdrawn', () => {
    const testimony = aTestimony()
    const consent = aConsent(testimony, { withdrawals: [{ date: '2026-05-01', scopes: ['website'] }] })
    expect(consentGate({ testimony, consents: [consent], request: { ...website, use: 'teaching' }, today }).allowed).toBe(true)
  })

  it('refuses on and after the review date', () => {
    const testimony = aTestimony()
    for (const reviewDate of [today, '2026-01-01']) {
      const decision = consentGate({ testimony, consents: [aConsent(testimony, { reviewDate })], request: website, today })
      expect(reasonsOf(decision)).toEqual([{ code: 'reviewDatePassed', reviewDate }])
    }
  })

  it('refuses a consent without a review date, since consent is not for ever', () => {
    const testimony = aTestimony()
    const decision = consentGate({ testimony, consents: [aConsent(testimony, { reviewDate: null })], request: website, today })
    expect(reasonsOf(decision)).toEqual([{ code: 'noReviewDate' }])
  })

  it('refuses a consent dated after today', () => {
    const testimony = aTestimony()
    const decision = consentGate({ testimony, consents: [aConsent(testimony, { dateGiven: '2026-12-24' })], request: website, today })
    expect(reasonsOf(decision)).toEqual([{ code: 'consentNotYetGiven', dateGiven: '2026-12-24' }])
  })

  it('refuses to publish when the approved text changed', () => {
    const testimony = aTestimony()
    const consent = aConsent(testimony)
    const edited = aTestimony({
      publicVersion: { ...testimony.publicVersion, hopes: { en: 'I hope for justice.', km: testimony.publicVersion?.hopes?.km } },
    })
    const decision = consentGate({ testimony: edited, consents: [consent], request: website, today })
    expect(reasonsOf(decision)).toEqual([{ code: 'approvedTextChanged', language: 'en', text: 'public', approvedOn: '2026-03-12' }])
    // The Khmer text did not change, so Khmer may still be published.
    expect(consentGate({ testimony: edited, consents: [consent], request: { ...website, language: 'km' }, today }).allowed).toBe(true)
  })

  it('binds the ceremony reading to the full testimony, not the public version', () => {
    const testimony = aTestimony()
    const consent = aConsent(testimony)
    const edited = aTestimony({ body: { ...testimony.body, en: [{ _type: 'block', children: [{ _type: 'span', text: 'Changed.' }] }] } })
    const ceremony: PublicationRequest = { use: 'ceremony', form: 'anonymous', language: 'en' }
    expect(reasonsOf(consentGate({ testimony: edited, consents: [consent], request: ceremony, today }))).toEqual([
      { code: 'approvedTextChanged', language: 'en', text: 'full', approvedOn: '2026-03-12' },
    ])
    expect(consentGate({ testimony: edited, consents: [consent], request: website, today }).allowed).toBe(true)
  })

  it('refuses a language that was never approved', () => {
    const testimony = aTestimony()
    const consent = aConsent(testimony, { approvedPublicText: { km: aConsent(testimony).approvedPublicText?.km } })
    expect(reasonsOf(consentGate({ testimony, consents: [consent], request: website, today }))).toEqual([
      { code: 'notApprovedInLanguage', language: 'en', text: 'public' },
    ])
  })

  it('refuses a language the testimony has no text in', () => {
    const testimony = aTestimony()
    const khmerOnly = aTestimony({ publicVersion: { ...testimony.publicVersion, body: { km: testimony.publicVersion?.body?.km } } })
    expect(reasonsOf(consentGate({ testimony: khmerOnly, consents: [aConsent(testimony)], request: website, today }))).toEqual([
      { code: 'noTextInLanguage', language: 'en', text: 'public' },
    ])
  })

  it('follows the newest consent, so that a survivor can narrow what she allowed', () => {
    const testimony = aTestimony()
    const older = aConsent(testimony, { _id: 'consent-a', dateGiven: '2025-01-10' })
    const newer = aConsent(testimony, { _id: 'consent-b', dateGiven: '2026-06-01', scopes: ['ceremonyReading'] })
    expect(reasonsOf(consentGate({ testimony, consents: [older, newer], request: website, today }))).toEqual([
      { code: 'scopeNotGranted', scope: 'website' },
    ])
  })

  it('gives every reason at once, not only the first', () => {
    const testimony = aTestimony()
    const consent = aConsent(aTestimony({ title: { en: 'Old title' } }), { scopes: [], reviewDate: '2026-01-01' })
    const changed = aTestimony({ publicVersion: { ...testimony.publicVersion, title: { en: 'New' } } })
    const codes = reasonsOf(consentGate({ testimony: changed, consents: [consent], request: website, today })).map((r) => r.code)
    expect(codes).toEqual(['scopeNotGranted', 'reviewDatePassed', 'approvedTextChanged'])
  })
})

describe('the reasons, in words a therapist can act on', () => {
  it('tells what changed, since when, and what to do', () => {
    const message = describeReason({ code: 'approvedTextChanged', language: 'en', text: 'public', approvedOn: '2026-03-12' })
    expect(message).toBe(
      'The English public (anonymised) version has changed since the survivor approved it on 2026-03-12. Read it back to her again and record a new approval.',
    )
  })

  it('says that only a consent given after a withdrawal grants the scope again', () => {
    expect(describeReason({ code: 'scopeWithdrawn', scope: 'website', date: '2026-11-29' })).toBe(
      'The survivor withdrew her consent to "Publication on the website (anonymous)" on 2026-11-29. It can not be used this way unless she consents again, in a new consent record given after that day.',
    )
  })

  it('names the scope in the therapist’s language', () => {
    expect(describeReason({ code: 'scopeNotGranted', scope: 'firstName' }, 'en')).toContain('"Publication with first name"')
    expect(describeReason({ code: 'scopeNotGranted', scope: 'firstName' }, 'km')).toContain('«ការផ្សព្វផ្សាយជាមួយនាមខ្លួន»')
  })
})
