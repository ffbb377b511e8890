// Dates on the desk are written day first, as the programme writes them, in its time zone.
import { describe, expect, it } from 'vitest'
import { dayFirstDate, dayFirstDateTime } from '../../studio/desk/deskDates.ts'

describe('dates on the desk', () => {
  it('writes a day first', () => {
    expect(dayFirstDate('2026-12-01')).toBe('01/12/2026')
  })

  it('writes a moment day first in Phnom Penh time, which may be the next day', () => {
    expect(dayFirstDateTime('2026-12-01T07:05:00Z')).toBe('01/12/2026 14:05')
    expect(dayFirstDateTime('2026-12-01T18:30:00Z')).toBe('02/12/2026 01:30')
  })
})
