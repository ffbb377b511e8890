// A calendar day as the archive writes it, YYYY-MM-DD (consent given, reviewed, withdrawn; a
// ceremony; the day a build is as of), and counting days on it. Days have no time zone of their own:
// which day "today" is comes from `programmeDay`.
import { z } from 'zod'

export const calendarDayPattern = /^\d{4}-\d{2}-\d{2}$/

/** A calendar day in a document, a setting or an answer: YYYY-MM-DD. */
export const calendarDay = z.string().regex(calendarDayPattern, 'a date as YYYY-MM-DD')

/** The day `days` after `day` (before it when negative), across month and year ends. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  if (!calendarDayPattern.test(day) || Number.isNaN(date.getTime()))
    throw new RangeError(`addDays: "${day}" is not a calendar day; pass a date as YYYY-MM-DD`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
