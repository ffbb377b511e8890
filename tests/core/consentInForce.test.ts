// Which consent record is in force: the newest given, and of two given the same day, the one
// recorded last (a new sheet read back after an edit must replace the morning's approval).
import { describe, expect, it } from 'vitest'
import { consentInForce } from '../../core/index.ts'
import { aConsent, aTestimony } from './fixtures.ts'

const testimony = aTestimony()

describe('the consent in force', () => {
  it('is the one given last', () => {
    const older = aConsent(testimony, { _id: 'consent-z', dateGiven: '2026-01-01' })
    const newer = aConsent(testimony, { _id: 'consent-a', dateGiven: '2026-06-01' })
    expect(consentInForce(testimony._id, [older, newer])?._id).toBe('consent-a')
  })

  it('is, of two given the same day, the one recorded last, whatever their ids', () => {
    const morning = aConsent(testimony, { _id: 'consent-z', dateGiven: '2026-11-29', _createdAt: '2026-11-29T08:00:00Z' })
    const afternoon = aConsent(testimony, { _id: 'consent-a', dateGiven: '2026-11-29', _createdAt: '2026-11-29T15:00:00Z' })
    expect(consentInForce(testimony._id, [morning, afternoon])?._id).toBe('consent-a')
    expect(consentInForce(testimony._id, [afternoon, morning])?._id).toBe('consent-a')
  })

  it('never is a draft', () => {
    const draft = aConsent(testimony, { _id: 'drafts.consent-b', dateGiven: '2026-12-01' })
    const given = aConsent(testimony, { _id: 'consent-a', dateGiven: '2026-06-01' })
    expect(consentInForce(testimony._id, [draft, given])?._id).toBe('consent-a')
  })
})
