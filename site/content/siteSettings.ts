// The site's own words: its title, the about text, the hotline shown on every page.
import { z } from 'zod'
import { localisedText } from './localisedText.ts'

export const siteSettings = z.object({
  title: localisedText,
  tagline: localisedText.nullish(),
  about: localisedText.nullish(),
  hotline: z.string().nullish(),
  sampleNotice: localisedText.nullish(),
})
export type SiteSettings = z.infer<typeof siteSettings>
