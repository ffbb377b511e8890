// The race between a full build and a correction: a full build reads her earlier text; while it
// runs, she approves a corrected text and it is published, shown from an increment; then that full
// build ends and is served. Her earlier text must not come back with it: the increment of her
// corrected text stays over it until a build that read the corrected text is served.
// The live site's full builds run through a seam the test holds (`fullBuild`), so the order is the same on every run.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments } from '../../../lake/index.ts'
import { seedArchivePath } from '../../../seed/index.ts'
import { buildInChildProcess } from '../../../site/build/buildInChildProcess.ts'
import type { SiteBuildReport } from '../../../site/build/buildSite.ts'
import { startLiveSite, type LiveSite } from '../../../site/live/index.ts'
import { launchChromium } from '../../browserHarness.ts'
import { startLake, type LakeHarness } from '../../lake/lakeHarness.ts'
import { fixtureWalk, walkTo, type WalkedState } from '../../lake/workflowWalk.ts'
import { englishOnlySlug, oneLanguageStory } from '../oneLanguageStory.ts'
import { siteToday } from '../siteHarness.ts'
import { cardsIn, livePage, liveSearch } from './livePages.ts'

const marker = 'sedge'
const slug = `${englishOnlySlug}-${marker}`
const earlier = oneLanguageStory('en', marker)
const earlierWords = `English only. ${marker}`
// Fictional: her corrected text, with a word the earlier one did not have.
const corrected = oneLanguageStory('en', marker, {
  text: 'This fictional story exists in English only, as she corrected it while the site was being rebuilt. foxglove',
  dateGiven: '2026-11-28',
})
const storyPages = [`/en/stories/${slug}/`, `/en/stories/${slug}/reading/`, `/en/stories/${slug}/${slug}-en.html`]

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

let lake: LakeHarness
let site: LiveSite
let browser: Browser
let page: Page
let folder: string
const get = (path: string) => livePage(site.port, path)
const search = (query: string) => liveSearch(page, site.port, query)
const walk = (story: Array<Record<string, unknown>>, from: WalkedState, to: WalkedState) =>
  walkTo(to, { ...fixtureWalk(lake.client('administrator'), story), from })

beforeAll(async () => {
  lake = await startLake({ today: siteToday })
  importDocuments(lake.lake.services.datasets.ensure('production'), readFileSync(seedArchivePath, 'utf8'), {
    author: 'seed',
    replace: false,
  })
  await walk(earlier, 'drafting', 'published')
  folder = mkdtempSync(join(tmpdir(), 'live-correction-race-'))
  site = await startLiveSite({
    client: lake.client('publisher', { perspective: 'published' }),
    folder,
    port: 0,
    today: () => siteToday,
    log: () => {},
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
  browser = await launchChromium()
  page = await browser.newPage()
}, 180_000)

afterAll(async () => {
  for (const hold of held.splice(0)) {
    hold.start()
    hold.serve()
  }
  await browser?.close()
  await site?.stop()
  await lake?.stop()
  rmSync(folder, { recursive: true, force: true })
}, 60_000)

describe('a correction published while a full build that read her earlier text runs', () => {
  it('shows only her corrected text when that build is served, and folds it in at the next build', async () => {
    expect((await get(`/en/stories/${slug}/`)).text).toContain(earlierWords)
    const racing = heldBuild()
    const next = heldBuild()
    held.push(racing, next)
    racing.start()
    // A change elsewhere in the archive starts a full build; it reads her earlier text and ends.
    await lake
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
    expect(site.addedNow()).toEqual([slug])
    // Now the build that read her earlier text is served.
    racing.serve()
    await expect.poll(() => site.lastBuild()?.outDir, { timeout: 30_000, interval: 100 }).toBe(racingReport.outDir)
    expect(site.addedNow()).toEqual([slug])
    for (const path of storyPages) {
      const shown = (await get(path)).text
      expect(shown, path).toContain('as she corrected it')
      expect(shown, path).not.toContain(earlierWords)
    }
    for (const list of ['/en/stories/', '/en/languages/en/', '/km/languages/en/'])
      expect(
        cardsIn((await get(list)).text).filter((each) => each === slug),
        list,
      ).toEqual([slug])
    expect((await get('/sitemap.xml')).text.split(`/en/stories/${slug}/</loc>`)).toHaveLength(2)
    for (const fragment of earlierFragments) expect((await get(`/pagefind/fragment/${fragment}`)).status).toBe(404)
    expect(await search('foxglove')).toEqual([`/en/stories/${slug}/`])
    expect(await search(marker)).toEqual([])

    // The next full build reads her corrected text: it shows it, the increment goes, and so does the racing build's folder.
    next.start()
    next.serve()
    await site.settled()
    expect(site.lastBuild()?.outDir).not.toBe(racingReport.outDir)
    expect(site.addedNow()).toEqual([])
    expect(site.withdrawnNow()).toEqual([])
    for (const path of storyPages) {
      const shown = (await get(path)).text
      expect(shown, path).toContain('as she corrected it')
      expect(shown, path).not.toContain(earlierWords)
    }
    expect(await search('foxglove')).toEqual([`/en/stories/${slug}/`])
    expect(await search(marker)).toEqual([])
    expect(existsSync(racingReport.outDir)).toBe(false)
  }, 240_000)
})
