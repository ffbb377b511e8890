// "Today" in the Studio is the programme's day (core/programmeDay.ts), in the time zone the Studio
// was built with (PROGRAMME_TIME_ZONE, given to the bundle as SANITY_STUDIO_PROGRAMME_TIME_ZONE by
// sanity.cli.ts), not the computer's zone nor UTC: consent given in Phnom Penh at 06:30 is given that day.
import { programmeDay, programmeTimeZoneOf } from '../core/index.ts'

const timeZone = programmeTimeZoneOf(import.meta.env, 'SANITY_STUDIO_PROGRAMME_TIME_ZONE')

export const todayIso = (): string => programmeDay(new Date(), timeZone)
