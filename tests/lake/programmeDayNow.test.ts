// The day every write's guards are given is kept for a minute; it must still turn at the programme's
// midnight to the second, in a zone a whole number of hours from UTC and in one that is not.
import { describe, expect, it } from 'vitest'
import { programmeDayNow } from '../../lake/programmeDayNow.ts'

function steppedClock() {
  let now = new Date(0)
  return { clock: { now: () => now }, set: (iso: string) => (now = new Date(iso)) }
}

describe("the programme's day at the lake's clock", () => {
  it('turns at midnight in Phnom Penh, not at midnight in UTC', () => {
    const { clock, set } = steppedClock()
    const today = programmeDayNow(clock, 'Asia/Phnom_Penh')
    set('2026-03-01T16:59:00Z')
    expect(today()).toBe('2026-03-01')
    set('2026-03-01T16:59:59.999Z')
    expect(today()).toBe('2026-03-01')
    set('2026-03-01T17:00:00Z')
    expect(today()).toBe('2026-03-02')
    set('2026-03-01T23:59:59Z')
    expect(today()).toBe('2026-03-02')
  })

  it('turns at midnight in a zone 5 hours 45 minutes from UTC, and follows a clock set back', () => {
    const { clock, set } = steppedClock()
    const today = programmeDayNow(clock, 'Asia/Kathmandu')
    set('2026-03-01T18:14:30Z')
    expect(today()).toBe('2026-03-01')
    set('2026-03-01T18:15:00Z')
    expect(today()).toBe('2026-03-02')
    set('2026-03-01T18:14:59Z')
    expect(today()).toBe('2026-03-01')
  })
})
