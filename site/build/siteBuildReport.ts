// What a site build reports: to the command line, the live site and the benchmark, and over IPC
// from a build in its own process (checked there with this schema). For each story it names what
// the build made of it, so that the live site can take a story off without reading the output.
import { z } from 'zod'
import { ledgerEntry } from '../content/publicationLedger.ts'

/** A page of the built site: its address (`/en/stories/x/`, or a file's: `/en/stories/x/x-en.html`) and language. */
export const builtPage = z.object({ path: z.string(), language: z.enum(['km', 'en']) })
export type BuiltPage = z.infer<typeof builtPage>

/** What one build made of one public story; one entry per story, to be extended per story (issue #14). */
export const builtStory = z.object({
  /** Its own pages: the story page, the reading view and the one-file copy, in each language built. */
  pages: z.array(builtPage),
  /** The paths of the pages that show its card (the lists, the home page, lessons, ceremonies). */
  lists: z.array(z.string()),
  /** Its entries in the sitemap (absolute addresses, as written there). */
  sitemap: z.array(z.string()),
  /** Its Pagefind fragment files (names in `pagefind/fragment/`). */
  fragments: z.array(z.string()),
  /** Its ceremony recording as the site serves it (`/media/<file>`), if it has one. */
  media: z.array(z.string()),
})
export type BuiltStory = z.infer<typeof builtStory>

/** How long a build's phases took, in whole milliseconds; `search` is the index's time after Astro's, as it indexes while Astro renders (renderWhileIndexing.ts). */
export const buildMilliseconds = z.object({ load: z.number(), astro: z.number(), search: z.number(), total: z.number() })

/** The phases' times from the moments a build started, loaded, rendered and indexed (`performance.now()`). */
export const phaseMilliseconds = (at: { started: number; loaded: number; built: number; searched: number }) => ({
  load: Math.round(at.loaded - at.started),
  astro: Math.round(at.built - at.loaded),
  search: Math.round(at.searched - at.built),
  total: Math.round(performance.now() - at.started),
})

export const siteBuildReport = z.object({
  outDir: z.string(),
  stories: z.number(),
  removed: z.number(),
  /** The stories public in this build: their testimony and address. */
  published: z.array(ledgerEntry),
  /** What the build made of each public story, by its address (slug). */
  builtStories: z.record(z.string(), builtStory),
  searchRecords: z.number(),
  sitemap: z.array(z.string()),
  problems: z.array(z.string()),
  milliseconds: buildMilliseconds,
  /** The peak memory of the build's own process, when it ran in one (buildInChildProcess). */
  peakMegabytes: z.number().optional(),
  /** The peak memory of Pagefind's indexing process, where it could be read (Linux). */
  indexerPeakMegabytes: z.number().nullable().optional(),
})
export type SiteBuildReport = z.infer<typeof siteBuildReport>
