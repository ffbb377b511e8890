// A lesson for schools, universities or communities; its stories are only those public for teaching.
import { z } from 'zod'
import { localisedList, localisedText } from './localisedText.ts'

export const lesson = z.object({
  id: z.string(),
  slug: z.string().regex(/^[a-z0-9-]+$/, 'a slug of lower-case letters, digits and dashes'),
  title: localisedText,
  audience: z.enum(['secondary', 'university', 'community']),
  objectives: localisedList.nullish(),
  questions: localisedList.nullish(),
  themes: z.array(z.string()),
  /** Slugs of the stories the lesson names that are public on the website and for teaching. */
  stories: z.array(z.string()),
  today: localisedText.nullish(),
})
export type Lesson = z.infer<typeof lesson>
