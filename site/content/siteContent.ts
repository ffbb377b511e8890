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

export const siteContent = z.strictObject({
  today: calendarDay,
  settings: siteSettings,
  services: z.array(supportService),
  themes: z.array(theme),
  ceremonies: z.array(ceremony),
  lessons: z.array(lesson),
  glossary: z.array(glossaryTerm),
  /** A story's recording is served by the site itself (copied by the build), never from the backend. */
  stories: z.array(
    publicTestimony.extend({
      audio: z
        .string()
        .regex(/^(\/media\/|https?:\/\/)/)
        .optional(),
    }),
  ),
  removed: z.array(removedStory),
})
export type SiteContent = z.infer<typeof siteContent>
