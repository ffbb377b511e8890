// The programme's day: dates of consent, review and withdrawal are days in Phnom Penh, not in UTC.
import { describe, expect, it } from 'vitest'
import { consentGate, programmeDay, programmeTimeZoneOf } from '../../core/index.ts'
import { aConsent, aTestimony } from './fixtures.ts'

// 23:30 and 00:30 in Phnom Penh (UTC+7, no summer time), either side of its midnight.
const beforeMidnight = new Date('2026-11-28T16:30:00Z')
const afterMidnight = new Date('2026-11-28T17:30:00Z')

describe('the programme’s day', () => {
  it('turns at midnight in Phnom Penh, seven hours before UTC does', () => {
    expect(programmeDay(beforeMidnight)).toBe('2026-11-28')
    expect(programmeDay(afterMidnight)).toBe('2026-11-29')
    expect(programmeDay(afterMidnight, 'UTC')).toBe('2026-11-28')
  })

  it('is reckoned in the configured zone', () => {
    expect(programmeDay(new Date('2026-01-01T04:00:00Z'), 'America/New_York')).toBe('2025-12-31')
    expect(programmeDay(new Date('2026-02-28T23:59:59Z'), 'Asia/Phnom_Penh')).toBe('2026-03-01')
  })

  it('counts consent given in Phnom Penh at 00:30 as given that day, and a review date as passed from its midnight', () => {
    const testimony = aTestimony()
    const request = { use: 'website', form: 'anonymous', language: 'en' } as const
    const givenToday = aConsent(testimony, { dateGiven: '2026-11-29' })
    expect(consentGate({ testimony, consents: [givenToday], request, today: programmeDay(beforeMidnight) }).allowed).toBe(false)
    expect(consentGate({ testimony, consents: [givenToday], request, today: programmeDay(afterMidnight) }).allowed).toBe(true)
    const dueToday = aConsent(testimony, { reviewDate: '2026-11-29' })
    expect(consentGate({ testimony, consents: [dueToday], request, today: programmeDay(beforeMidnight) }).allowed).toBe(true)
    expect(consentGate({ testimony, consents: [dueToday], request, today: programmeDay(afterMidnight) }).allowed).toBe(false)
  })

  it('takes its zone from PROGRAMME_TIME_ZONE, Phnom Penh when unset, and names a wrong value and what to set', () => {
    expect(programmeTimeZoneOf({})).toBe('Asia/Phnom_Penh')
    expect(programmeTimeZoneOf({ PROGRAMME_TIME_ZONE: ' ' })).toBe('Asia/Phnom_Penh')
    expect(programmeTimeZoneOf({ PROGRAMME_TIME_ZONE: 'Asia/Bangkok' })).toBe('Asia/Bangkok')
    expect(() => programmeTimeZoneOf({ PROGRAMME_TIME_ZONE: 'Phnom Penh' })).toThrow(
      'PROGRAMME_TIME_ZONE: "Phnom Penh" is not a time zone this runtime knows; use an IANA name such as "Asia/Phnom_Penh"',
    )
    expect(() => programmeDay(afterMidnight, 'Nowhere/Else')).toThrow(/"Nowhere\/Else" is not a time zone/)
  })
})
