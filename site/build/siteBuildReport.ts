// What a site build reports: to the command line, the live site and the benchmark, and over IPC
// from a build in its own process (checked there with this schema).
import { z } from 'zod'
import { ledgerEntry } from '../content/publicationLedger.ts'

export const siteBuildReport = z.object({
  outDir: z.string(),
  stories: z.number(),
  removed: z.number(),
  /** The stories public in this build: their testimony and address. */
  published: z.array(ledgerEntry),
  searchRecords: z.number(),
  sitemap: z.array(z.string()),
  problems: z.array(z.string()),
  milliseconds: z.object({ load: z.number(), astro: z.number(), search: z.number(), total: z.number() }),
  /** The peak memory of the build's own process, when it ran in one (buildInChildProcess). */
  peakMegabytes: z.number().optional(),
})
export type SiteBuildReport = z.infer<typeof siteBuildReport>
