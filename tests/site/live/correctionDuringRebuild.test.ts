// The race between a full build and a correction: a full build reads her earlier text; while it
// runs, she approves a corrected text and it is published, shown from an increment; then that full
// build ends and is served. Her earlier text must not come back with it: the increment of her
// corrected text stays over it until a build that read the corrected text is served.
// The live site's full builds run through a seam the test holds (`fullBuild`), so the order is the same on every run.
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildInChildProcess } from '../../../site/build/buildInChildProcess.ts'
import type { SiteBuildReport } from '../../../site/build/buildSite.ts'
import { englishOnlySlug, oneLanguageStory } from '../oneLanguageStory.ts'
import { expectOnlyHerCorrectedText, startWithPublishedStory, type PublishedStoryHarness } from './publishedStoryHarness.ts'

const marker = 'sedge'
const slug = `${englishOnlySlug}-${marker}`
const earlier = oneLanguageStory('en', marker)
const earlierWords = `English only. ${marker}`
// Fictional: her corrected text, with a word the earlier one did not have.
const corrected = oneLanguageStory('en', marker, {
  text: 'This fictional story exists in English only, as she corrected it while the site was being rebuilt. foxglove',
  dateGiven: '2026-11-28',
})
const her = (earlierFragments: string[]) => ({
  slug,
  corrected: 'as she corrected it',
  earlier: earlierWords,
  earlierFragments,
  newWord: 'foxglove',
  oldWord: marker,
})

/** A full build the test holds: it starts reading when `start` is called, and is served when `serve` is. */
function heldBuild() {
  let start = () => {}
  let serve = () => {}
  let built: (report: SiteBuildReport) => void = () => {}
  return {
    starting: new Promise<void>((resolve) => (start = resolve)),
    serving: new Promise<void>((resolve) => (serve = resolve)),
    report: new Promise<SiteBuildReport>((resolve) => (built = resolve)),
    start: () => start(),
    serve: () => serve(),
    built: (report: SiteBuildReport) => built(report),
  }
}
type HeldBuild = ReturnType<typeof heldBuild>
const held: HeldBuild[] = []

let harness: PublishedStoryHarness

beforeAll(async () => {
  harness = await startWithPublishedStory(earlier, {
    rebuildDelayMs: 100,
    async fullBuild(options, child) {
      const hold = held.shift()
      await hold?.starting
      const report = await buildInChildProcess(options, child)
      hold?.built(report)
      await hold?.serving
      return report
    },
  })
}, 180_000)

afterAll(async () => {
  for (const hold of held.splice(0)) {
    hold.start()
    hold.serve()
  }
  await harness?.stop()
}, 60_000)
const get = (path: string) => harness.get(path)
const walk: PublishedStoryHarness['walk'] = (story, from, to) => harness.walk(story, from, to)

describe('a correction published while a full build that read her earlier text runs', () => {
  it('shows only her corrected text when that build is served, and folds it in at the next build', async () => {
    expect((await get(`/en/stories/${slug}/`)).text).toContain(earlierWords)
    const racing = heldBuild()
    const next = heldBuild()
    held.push(racing, next)
    racing.start()
    // A change elsewhere in the archive starts a full build; it reads her earlier text and ends.
    await harness.lake
      .client('administrator')
      .patch('theme-forced-marriage')
      .set({ 'description.en': 'Marriages ordered by the regime (fictional sample description, edited).' })
      .commit()
    const racingReport = await racing.report
    const earlierFragments = racingReport.builtStories[slug]?.fragments ?? []
    expect(earlierFragments.length).toBeGreaterThan(0)
    // She approves her corrected text (taken off at once), and it is published (shown from an increment).
    await walk(corrected, 'drafting', 'drafting')
    await walk(corrected, 'readyForReadBack', 'approved')
    await walk(corrected, 'published', 'published')
    await expect
      .poll(async () => (await get(`/en/stories/${slug}/`)).text, { timeout: 60_000, interval: 200 })
      .toContain('as she corrected it')
    expect(harness.site.addedNow()).toEqual([slug])
    // Now the build that read her earlier text is served.
    racing.serve()
    await expect.poll(() => harness.site.lastBuild()?.outDir, { timeout: 30_000, interval: 100 }).toBe(racingReport.outDir)
    expect(harness.site.addedNow()).toEqual([slug])
    await expectOnlyHerCorrectedText(harness, her(earlierFragments))

    // The next full build reads her corrected text: it shows it, the increment goes, and so does the racing build's folder.
    next.start()
    next.serve()
    await harness.site.settled()
    expect(harness.site.lastBuild()?.outDir).not.toBe(racingReport.outDir)
    expect(harness.site.addedNow()).toEqual([])
    expect(harness.site.withdrawnNow()).toEqual([])
    await expectOnlyHerCorrectedText(harness, her(earlierFragments))
    expect(existsSync(racingReport.outDir)).toBe(false)
  }, 240_000)
})
