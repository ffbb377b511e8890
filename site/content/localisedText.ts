// Words in both public languages as the site reads them; either language may be missing.
import { z } from 'zod'

export const localisedText = z.object({ km: z.string().nullish(), en: z.string().nullish() })
export type LocalisedText = z.infer<typeof localisedText>

export const localisedList = z.object({ km: z.array(z.string()).nullish(), en: z.array(z.string()).nullish() })
export type LocalisedList = z.infer<typeof localisedList>
