// What a publication's increment reports: the stories it added and, for each, what it made of it
// (its own pages, sitemap entries, search fragments and recording, as siteBuildReport.ts names them)
// and its card as each of its small build's pages shows it, for the live site to put in its lists.
import { z } from 'zod'
import { buildMilliseconds, builtStory } from './siteBuildReport.ts'

/**
 * Where its card goes on a page that is not one list in address order: on the ceremonies page, in its
 * ceremony's section (with that section's list as the increment shows it, for a section that showed
 * no story yet); on a lesson, among the lesson's testimonies in the lesson's order.
 */
export const cardPlace = z.object({
  section: z.object({ id: z.string(), list: z.string() }).optional(),
  /** The list's testimonies in the order it shows them. */
  order: z.array(z.string()).optional(),
})
export type CardPlace = z.infer<typeof cardPlace>

export const addedStory = z.object({
  /** The testimony and the story's address. */
  id: z.string(),
  slug: z.string(),
  /** Its own pages, sitemap entries, fragments and recording; `lists` are the increment's own pages that show its card. */
  story: builtStory,
  /** The languages of its search records: its small index is merged only by these languages' search pages (mergedIndexes.ts). */
  searchLanguages: z.array(z.enum(['km', 'en'])),
  /** Its card's HTML (`<li class="story-card" …>…</li>`), by the increment's page that shows it. */
  cards: z.record(z.string(), z.string()),
  /** Where its card goes, by the increment's page, on the pages that are not in address order. */
  places: z.record(z.string(), cardPlace),
})
export type AddedStory = z.infer<typeof addedStory>

export const incrementReport = z.object({
  outDir: z.string(),
  /** The stories added: none when the consent gate no longer let them through by the time it read them. */
  added: z.array(addedStory),
  problems: z.array(z.string()),
  milliseconds: buildMilliseconds,
  /** The peak memory of the increment's own process. */
  peakMegabytes: z.number().optional(),
})
export type IncrementReport = z.infer<typeof incrementReport>
