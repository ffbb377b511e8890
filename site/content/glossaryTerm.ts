// A term readers may not know, explained in both languages.
import { z } from 'zod'
import { localisedText } from './localisedText.ts'

export const glossaryTerm = z.object({ id: z.string(), term: localisedText, definition: localisedText })
export type GlossaryTerm = z.infer<typeof glossaryTerm>
