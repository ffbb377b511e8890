// A theme of the programme that groups stories and lessons.
import { z } from 'zod'
import { localisedText } from './localisedText.ts'

export const theme = z.object({
  id: z.string(),
  slug: z.string().regex(/^[a-z0-9-]+$/, 'a slug of lower-case letters, digits and dashes'),
  title: localisedText,
  description: localisedText.nullish(),
})
export type Theme = z.infer<typeof theme>
