// A place to get help, shown on the help page and (the hotline) on every page.
import { z } from 'zod'
import { localisedText } from './localisedText.ts'

export const supportService = z.object({
  id: z.string(),
  name: localisedText,
  kind: z.enum(['hotline', 'clinic', 'counselling']),
  phone: z.string(),
  hours: localisedText.nullish(),
  description: localisedText.nullish(),
})
export type SupportService = z.infer<typeof supportService>
