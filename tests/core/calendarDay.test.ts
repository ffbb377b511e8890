// Calendar days: one pattern for YYYY-MM-DD everywhere, and counting days that lands on days.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, calendarDay } from '../../core/index.ts'

const days = fc
  .date({ min: new Date('1975-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((instant) => instant.toISOString().slice(0, 10))

describe('calendar days', () => {
  it('counts days across a month end, a year end and a leap day', () => {
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
  })

  it('comes back to the same day, and every day it makes is a calendar day', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: -4000, max: 4000 }), (day, n) => {
        expect(addDays(addDays(day, n), -n)).toBe(day)
        expect(calendarDay.safeParse(addDays(day, n)).success).toBe(true)
      }),
    )
  })

  it('accepts YYYY-MM-DD only, and refuses to count from anything else', () => {
    expect(calendarDay.safeParse('2026-11-29').success).toBe(true)
    for (const other of ['29/11/2026', '2026-11-29T00:00:00Z', '2026-1-9', ''])
      expect(calendarDay.safeParse(other).error?.issues[0]?.message).toBe('a date as YYYY-MM-DD')
    expect(() => addDays('29/11/2026', 1)).toThrow('"29/11/2026" is not a calendar day')
  })
})
