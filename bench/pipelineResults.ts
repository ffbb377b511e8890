// What `npm run bench` keeps of each size and prints beside its target (issue 14): the archive's
// run and the fair bare run in, one object per size and one table per size out. Pure, so that a test
// checks the results file's fields without building anything.
import { z } from 'zod'
import type { Row } from './benchTable.ts'

const studioTimes = z.object({
  requests: z.number(),
  failed: z.number(),
  /** Why (absent from runs before session 11). */
  failures: z.array(z.string()).optional(),
  p50Ms: z.number(),
  p99Ms: z.number(),
})
export const siteRun = z.looseObject({
  count: z.number(),
  totalMs: z.number(),
  pages: z.number(),
  peakMegabytes: z.number(),
  publishToVisibleSeconds: z.number(),
  /** Whether the story was first shown from its increment or by the full rebuild. */
  visibleFrom: z.string(),
  publishToRebuiltSeconds: z.number(),
  withdrawalSeconds: z.number(),
  studioIdle: studioTimes,
  studioDuringRebuild: studioTimes,
  storyPageGzipKb: z.number(),
  firstSearchGzipKb: z.number(),
  /** The same search's bytes by its end (every part of a large archive's index, the search across words); not in older runs. */
  wholeSearchGzipKb: z.number().optional(),
})
export const bareRun = z.looseObject({ count: z.number(), totalMs: z.number(), pages: z.number(), peakMegabytes: z.number() })
export type SiteRun = z.infer<typeof siteRun>
export type BareRun = z.infer<typeof bareRun>

export const targets = {
  fairRatio: 1.15,
  perStoryGrowth: 1.2,
  peakMegabytes: 6 * 1024,
  firstSearchGzipKb: 150,
  withdrawalToGoneSeconds: 5,
  /** Publish → page, list cards and search visible: ≤ 10 s up to 5,000 stories, ≤ 15 s at 20,000. */
  publishToVisibleSeconds: (stories: number) => (stories > 5000 ? 15 : 10),
}

export interface SizeResult {
  stories: number
  publishToVisibleSeconds: number
  visibleFrom: string
  /** Publish → the full rebuild (the background consistency pass) served. */
  publishToRebuiltSeconds: number
  withdrawalToGoneSeconds: number
  fairRatio: number
  firstSearchGzipKb: number
  wholeSearchGzipKb?: number
  peakMegabytes: number
  archiveSeconds: number
  bareSeconds: number
  archivePages: number
  barePages: number
  barePeakMegabytes: number
  /** Build milliseconds per story, and that over the same at the smallest size measured. */
  msPerStory: number
  perStoryGrowth: number
  storyPageGzipKb: number
  studioIdleP99Ms: number
  studioDuringRebuildP99Ms: number
  /** The Studio's reads that failed, idle and during the rebuild, and why. */
  studioFailedReads: number
  studioFailures: string[]
}

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places

/** One object per size; `perStoryGrowth` is against the first (smallest) size. */
export function sizeResults(runs: ReadonlyArray<{ site: SiteRun; bare: BareRun }>): SizeResult[] {
  const msPerStory = (run: SiteRun) => run.totalMs / run.count
  const first = runs[0]
  return runs.map(({ site, bare }) => ({
    stories: site.count,
    publishToVisibleSeconds: site.publishToVisibleSeconds,
    visibleFrom: site.visibleFrom,
    publishToRebuiltSeconds: site.publishToRebuiltSeconds,
    withdrawalToGoneSeconds: site.withdrawalSeconds,
    fairRatio: round(site.totalMs / bare.totalMs),
    firstSearchGzipKb: site.firstSearchGzipKb,
    ...(site.wholeSearchGzipKb === undefined ? {} : { wholeSearchGzipKb: site.wholeSearchGzipKb }),
    peakMegabytes: site.peakMegabytes,
    archiveSeconds: round(site.totalMs / 1000, 1),
    bareSeconds: round(bare.totalMs / 1000, 1),
    archivePages: site.pages,
    barePages: bare.pages,
    barePeakMegabytes: bare.peakMegabytes,
    msPerStory: round(msPerStory(site), 1),
    perStoryGrowth: first ? round(msPerStory(site) / msPerStory(first.site)) : 1,
    storyPageGzipKb: site.storyPageGzipKb,
    studioIdleP99Ms: site.studioIdle.p99Ms,
    studioDuringRebuildP99Ms: site.studioDuringRebuild.p99Ms,
    studioFailedReads: site.studioIdle.failed + site.studioDuringRebuild.failed,
    studioFailures: [...new Set([...(site.studioIdle.failures ?? []), ...(site.studioDuringRebuild.failures ?? [])])],
  }))
}

const met = (ok: boolean) => (ok ? 'yes' : 'NO')

/** The table of one size: each figure, its target, and whether it is met. */
export function sizeTable(result: SizeResult, smallest: number): Row[] {
  const publishTarget = targets.publishToVisibleSeconds(result.stories)
  return [
    {
      measure: 'full build: archive / fair bare',
      figure: `${result.archiveSeconds} s / ${result.bareSeconds} s = ${result.fairRatio}`,
      target: `≤ ${targets.fairRatio}`,
      met: met(result.fairRatio <= targets.fairRatio),
    },
    {
      measure: 'pages built: archive / bare',
      figure: `${result.archivePages} / ${result.barePages}`,
      target: 'equal',
      met: met(result.archivePages === result.barePages),
    },
    {
      measure: `build time per story, against ${smallest.toLocaleString('en')}`,
      figure: `${result.msPerStory} ms (${result.perStoryGrowth} ×)`,
      target: `≤ ${targets.perStoryGrowth} ×`,
      met: met(result.perStoryGrowth <= targets.perStoryGrowth),
    },
    {
      measure: 'peak memory: archive (bare)',
      figure: `${result.peakMegabytes} MB (${result.barePeakMegabytes} MB)`,
      target: '< 6 GB',
      met: met(result.peakMegabytes < targets.peakMegabytes),
    },
    {
      measure: 'first Khmer search, gzip',
      figure: `${result.firstSearchGzipKb} KB to its first results${result.wholeSearchGzipKb === undefined ? '' : ` (${result.wholeSearchGzipKb} KB by its end)`}`,
      target: `≤ ${targets.firstSearchGzipKb} KB`,
      met: met(result.firstSearchGzipKb <= targets.firstSearchGzipKb),
    },
    {
      measure: 'withdrawal → gone',
      figure: `${result.withdrawalToGoneSeconds} s`,
      target: `≤ ${targets.withdrawalToGoneSeconds} s`,
      met: met(result.withdrawalToGoneSeconds <= targets.withdrawalToGoneSeconds),
    },
    {
      measure: 'publish → page, list cards and search visible',
      figure: `${result.publishToVisibleSeconds} s (from ${result.visibleFrom})`,
      target: `≤ ${publishTarget} s`,
      met: met(result.publishToVisibleSeconds <= publishTarget),
    },
    {
      measure: 'publish → the full rebuild served (at low priority)',
      figure: `${result.publishToRebuiltSeconds} s`,
      target: 'reported',
      met: '',
    },
    {
      measure: 'lake p99, Studio reads: from publishing to the rebuild served (idle)',
      figure: `${result.studioDuringRebuildP99Ms} ms (${result.studioIdleP99Ms} ms)`,
      target: 'reported',
      met: '',
    },
    {
      measure: 'Studio reads that failed',
      figure: result.studioFailedReads === 0 ? '0' : `${result.studioFailedReads}: ${result.studioFailures.join('; ')}`,
      target: 'none',
      met: met(result.studioFailedReads === 0),
    },
    { measure: 'story page, gzip', figure: `${result.storyPageGzipKb} KB`, target: '≤ 30 KB', met: met(result.storyPageGzipKb <= 30) },
  ]
}
