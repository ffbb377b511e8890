// The programme's day at the lake's clock, as every write's consent and workflow guards ask for it.
// Telling the day in a time zone (Intl's formatToParts) costs about 13 µs, a twentieth of a write, so
// the day is kept for the UTC minute it was told in: time zone offsets are whole minutes, so every
// instant of one UTC minute falls on the same day in the programme's zone.
import { programmeDay } from '../core/index.ts'
import type { Clock } from './dataset.ts'

export function programmeDayNow(clock: Clock, timeZone: string): () => string {
  let minute = Number.NaN
  let day = ''
  return () => {
    const now = clock.now()
    const nowMinute = Math.floor(now.getTime() / 60_000)
    if (nowMinute !== minute) {
      day = programmeDay(now, timeZone)
      minute = nowMinute
    }
    return day
  }
}
