// Everything the pages may show, already through the consent gate: the one input of the Astro build.
import { z } from 'zod'
import { publicTestimony, calendarDay } from '../../core/index.ts'
import { ceremony } from './ceremony.ts'
import { glossaryTerm } from './glossaryTerm.ts'
import { lesson } from './lesson.ts'
import { removedStory } from './removedStory.ts'
import { siteSettings } from './siteSettings.ts'
import { supportService } from './supportService.ts'
import { theme } from './theme.ts'

/** A public story as the site shows it: its recording is served by the site itself (copied by the build), never from the backend. */
export const siteStory = publicTestimony.extend({
  audio: z
    .string()
    .regex(/^(\/media\/|https?:\/\/)/)
    .optional(),
})
export type SiteStory = z.infer<typeof siteStory>

export const siteContent = z.strictObject({
  today: calendarDay,
  settings: siteSettings,
  services: z.array(supportService),
  themes: z.array(theme),
  ceremonies: z.array(ceremony),
  lessons: z.array(lesson),
  glossary: z.array(glossaryTerm),
  stories: z.array(siteStory),
  removed: z.array(removedStory),
})
export type SiteContent = z.infer<typeof siteContent>
