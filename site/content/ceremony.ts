// A ceremony at which testimonies were read aloud; its photograph only with alt text.
import { z } from 'zod'
import { localisedText } from './localisedText.ts'
import { calendarDay } from '../../core/index.ts'

export const ceremonyPhoto = z.object({ url: z.url(), alt: localisedText })

export const ceremony = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, 'an id usable in an address'),
  date: calendarDay,
  placeKind: z.enum(['pagoda', 'killingField', 'mosque', 'other']),
  place: localisedText,
  participants: localisedText.nullish(),
  description: localisedText.nullish(),
  photo: ceremonyPhoto.nullish(),
})
export type Ceremony = z.infer<typeof ceremony>
