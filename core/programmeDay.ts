// The programme's day: the calendar date in the programme's time zone (Phnom Penh by default), the
// day in which consent is given, reviewed and withdrawn. A pure function of an instant and a zone:
// the callers read the clock, and check the configured zone at their edge with `programmeTimeZone`.
import { z } from 'zod'
import { describeZodError } from './parseOrExplain.ts'

export const defaultProgrammeTimeZone = 'Asia/Phnom_Penh'

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  const known = formatters.get(timeZone)
  if (known) return known
  const made = new Intl.DateTimeFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
  formatters.set(timeZone, made)
  return made
}

export function isTimeZone(value: string): boolean {
  try {
    formatterOf(value)
    return true
  } catch {
    return false
  }
}

/** The date (YYYY-MM-DD) that `instant` falls on in `timeZone`. */
export function programmeDay(instant: Date, timeZone: string = defaultProgrammeTimeZone): string {
  if (!isTimeZone(timeZone)) {
    throw new RangeError(`programmeDay: "${timeZone}" is not a time zone; pass an IANA name such as "${defaultProgrammeTimeZone}"`)
  }
  const parts = formatterOf(timeZone).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`
}

/** PROGRAMME_TIME_ZONE as the edges read it from their environment: an IANA time zone, Phnom Penh when unset. */
export const programmeTimeZone = z
  .string({ error: `a time zone name such as "${defaultProgrammeTimeZone}"` })
  .trim()
  .transform((value) => value || defaultProgrammeTimeZone)
  .refine(isTimeZone, {
    error: (issue) =>
      `"${String(issue.input)}" is not a time zone this runtime knows; use an IANA name such as "${defaultProgrammeTimeZone}"`,
  })
  .optional()
  .transform((value) => value ?? defaultProgrammeTimeZone)

/** The programme's time zone from an environment (process.env, or the Studio's build variables). */
export function programmeTimeZoneOf(env: Readonly<Record<string, unknown>>, name = 'PROGRAMME_TIME_ZONE'): string {
  const parsed = programmeTimeZone.safeParse(env[name])
  if (parsed.success) return parsed.data
  throw new Error(`${name}: ${describeZodError(parsed.error)}`)
}
