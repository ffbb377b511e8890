// Dates on the desk: moments and days shown day first, as the programme writes them.
import { defaultProgrammeTimeZone } from '../../core/index.ts'

/** A moment as the programme reads it, day first: "01/12/2026 14:05" (in its time zone). */
export function dayFirstDateTime(timestamp: string, timeZone = defaultProgrammeTimeZone): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(timestamp))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`
}

/** A calendar day, day first: "2026-12-01" → "01/12/2026". */
export function dayFirstDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-')
  return year && month && day ? `${day}/${month}/${year}` : isoDate
}
