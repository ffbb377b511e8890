// What `npm run bench` writes of each size (issue 14's fields, as numbers) and how it marks a target.
import { describe, expect, it } from 'vitest'
import { sizeResults, sizeTable, type BareRun, type SiteRun } from '../../bench/pipelineResults.ts'

const studio = { requests: 91, failed: 0, p50Ms: 2, p99Ms: 9 }
const siteRunOf = (count: number, totalMs: number): SiteRun => ({
  count,
  totalMs,
  pages: 3 * count,
  peakMegabytes: 900,
  publishToVisibleSeconds: 30,
  visibleFrom: 'its increment',
  publishToRebuiltSeconds: 140,
  withdrawalSeconds: 0.2,
  studioIdle: studio,
  studioDuringRebuild: { ...studio, p99Ms: 40, ...(count === 5000 ? { failed: 1, failures: ['fetch failed: other side closed'] } : {}) },
  storyPageGzipKb: 4.9,
  firstSearchGzipKb: 120,
})
const bareRunOf = (count: number, totalMs: number): BareRun => ({ count, totalMs, pages: 3 * count, peakMegabytes: 800 })

describe('the pipeline bench’s results', () => {
  const results = sizeResults([
    { site: siteRunOf(1000, 20_000), bare: bareRunOf(1000, 16_000) },
    { site: siteRunOf(5000, 130_000), bare: bareRunOf(5000, 100_000) },
  ])

  it('hold, for each size, the stories and the issue’s figures as numbers', () => {
    for (const result of results)
      for (const field of [
        'stories',
        'publishToVisibleSeconds',
        'withdrawalToGoneSeconds',
        'fairRatio',
        'firstSearchGzipKb',
        'peakMegabytes',
      ] as const)
        expect(Number.isFinite(result[field]), field).toBe(true)
    expect(results.map((result) => [result.stories, result.fairRatio, result.perStoryGrowth])).toEqual([
      [1000, 1.25, 1],
      [5000, 1.3, 1.3],
    ])
  })

  it('mark a figure over its target as not met, and one within it as met', () => {
    const table = sizeTable(results[1] ?? results[0]!, 1000)
    const row = (measure: string) => table.find((line) => String(line.measure).startsWith(measure))
    expect(row('full build')?.met).toBe('NO')
    expect(row('build time per story')?.met).toBe('NO')
    expect(row('publish → page, list cards and search visible')?.met).toBe('NO')
    expect(row('withdrawal → gone')?.met).toBe('yes')
    expect(row('first Khmer search')?.met).toBe('yes')
    expect(row('pages built')?.met).toBe('yes')
  })

  it('give the first search’s bytes to its first results, judged, and by its end, when the run measured them', () => {
    const [small] = sizeResults([
      { site: { ...siteRunOf(20000, 600_000), firstSearchGzipKb: 140, wholeSearchGzipKb: 390 }, bare: bareRunOf(20000, 500_000) },
    ])
    const row = small && sizeTable(small, 1000).find((line) => String(line.measure).startsWith('first Khmer search'))
    expect(row).toMatchObject({ figure: '140 KB to its first results (390 KB by its end)', met: 'yes' })
    expect(results[0] && sizeTable(results[0], 1000).find((line) => String(line.measure).startsWith('first Khmer search'))?.figure).toBe(
      '120 KB to its first results',
    )
  })

  it('say how many of the Studio’s reads failed, and why', () => {
    const [small, large] = results
    expect(small && sizeTable(small, 1000).find((line) => line.measure === 'Studio reads that failed')).toMatchObject({
      figure: '0',
      met: 'yes',
    })
    expect(large && sizeTable(large, 1000).find((line) => line.measure === 'Studio reads that failed')).toMatchObject({
      figure: '1: fetch failed: other side closed',
      met: 'NO',
    })
  })
})
