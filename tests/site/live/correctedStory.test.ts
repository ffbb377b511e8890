// A published story she corrects at a later read-back: taken off when she approves the corrected
// text, then, once it is published, shown again within seconds from an increment, before any full
// rebuild, with nothing of her earlier text left on the site; withdrawn then, all of it goes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments } from '../../../lake/index.ts'
import { seedArchivePath } from '../../../seed/index.ts'
import { startLiveSite, type LiveSite } from '../../../site/live/index.ts'
import { launchChromium } from '../../browserHarness.ts'
import { startLake, type LakeHarness } from '../../lake/lakeHarness.ts'
import { fixtureWalk, walkTo, type WalkedState } from '../../lake/workflowWalk.ts'
import { englishOnlySlug, oneLanguageStory } from '../oneLanguageStory.ts'
import { siteToday } from '../siteHarness.ts'
import { cardsIn, livePage, liveSearch } from './livePages.ts'

const marker = 'bulrush'
const slug = `${englishOnlySlug}-${marker}`
const earlier = oneLanguageStory('en', marker)
// Fictional: the words she changed, and one the earlier text did not have.
const correctedText = 'This fictional story exists in English only, as she corrected it at a second read-back. cowslip'
const corrected = oneLanguageStory('en', marker, { text: correctedText, dateGiven: '2026-11-28' })
let lake: LakeHarness
let site: LiveSite
let browser: Browser
let page: Page
let folder: string
let earlierFragments: string[] = []
const get = (path: string) => livePage(site.port, path)
const search = (query: string) => liveSearch(page, site.port, query)

/** The testimony and consent given, walked as the Studio does from `from` to `to`. */
const walk = (story: Array<Record<string, unknown>>, from: WalkedState, to: WalkedState) =>
  walkTo(to, { ...fixtureWalk(lake.client('administrator'), story), from })

beforeAll(async () => {
  lake = await startLake({ today: siteToday })
  importDocuments(lake.lake.services.datasets.ensure('production'), readFileSync(seedArchivePath, 'utf8'), {
    author: 'seed',
    replace: false,
  })
  // Published before the site starts: her earlier text is in the full build the site serves.
  await walk(earlier, 'drafting', 'published')
  folder = mkdtempSync(join(tmpdir(), 'live-corrected-'))
  site = await startLiveSite({
    client: lake.client('publisher', { perspective: 'published' }),
    folder,
    port: 0,
    today: () => siteToday,
    log: () => {},
    // No full rebuild starts while the test runs: what it sees is the fast path's and the increment's.
    rebuildDelayMs: 600_000,
  })
  browser = await launchChromium()
  page = await browser.newPage()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
  await lake?.stop()
  rmSync(folder, { recursive: true, force: true })
})

describe('a published story she corrects', () => {
  it('is taken off when she approves the corrected text, before it is published', async () => {
    expect((await get(`/en/stories/${slug}/`)).text).toContain(`English only. ${marker}`)
    earlierFragments = site.lastBuild()?.builtStories[slug]?.fragments ?? []
    expect(earlierFragments.length).toBeGreaterThan(0)
    // Edited (an edit of the text she approved sends it back to be read to her), passed by her
    // supervisor, read back and approved with a new consent record.
    await walk(corrected, 'drafting', 'drafting')
    await walk(corrected, 'readyForReadBack', 'approved')
    await expect
      .poll(async () => (await get(`/en/stories/${slug}/`)).text, { timeout: 5_000, interval: 100 })
      .toContain('no longer available')
    expect(site.withdrawnNow()).toEqual([slug])
  }, 60_000)

  it('shows her corrected text once published, in its lists, sitemap and search, before any full rebuild', async () => {
    const firstBuild = site.lastBuild()
    await walk(corrected, 'published', 'published')
    await expect
      .poll(async () => (await get(`/en/stories/${slug}/`)).text, { timeout: 60_000, interval: 200 })
      .toContain('as she corrected it')
    expect(site.lastBuild()).toBe(firstBuild)
    expect(site.withdrawnNow()).toEqual([])
    expect(site.addedNow()).toEqual([slug])
    for (const path of [`/en/stories/${slug}/`, `/en/stories/${slug}/reading/`, `/en/stories/${slug}/${slug}-en.html`]) {
      const shown = (await get(path)).text
      expect(shown, path).toContain('as she corrected it')
      expect(shown, path).not.toContain(`English only. ${marker}`)
    }
    // One card of hers on each list, the new one, and one sitemap entry.
    for (const list of ['/en/stories/', '/en/languages/en/', '/km/languages/en/'])
      expect(
        cardsIn((await get(list)).text).filter((each) => each === slug),
        list,
      ).toEqual([slug])
    expect((await get('/sitemap.xml')).text.split(`/en/stories/${slug}/</loc>`)).toHaveLength(2)
    // Her earlier text's search fragments are refused; her new words are found, her old ones are not.
    for (const fragment of earlierFragments) expect((await get(`/pagefind/fragment/${fragment}`)).status).toBe(404)
    expect(await search('cowslip')).toEqual([`/en/stories/${slug}/`])
    expect(await search(marker)).toEqual([])
    expect(site.lastBuild()).toBe(firstBuild)
  }, 120_000)

  it('takes off both her earlier and her corrected text when she then withdraws, within seconds', async () => {
    const firstBuild = site.lastBuild()
    await lake
      .client('supervisor')
      .patch(String(corrected[1]?._id))
      .setIfMissing({ withdrawals: [] })
      .append('withdrawals', [{ _key: 'withdrawn-after-correction', date: siteToday, method: 'phone', scopes: ['website'] }])
      .commit()
    await expect
      .poll(async () => (await get(`/en/stories/${slug}/`)).text, { timeout: 5_000, interval: 100 })
      .toContain('removed at its author')
    expect((await get(`/en/stories/${slug}/reading/`)).text).not.toContain('as she corrected it')
    expect(cardsIn((await get('/en/stories/')).text)).not.toContain(slug)
    expect((await get('/sitemap.xml')).text).not.toContain(slug)
    expect(JSON.parse((await get('/pagefind/additions.json')).text)).toEqual({})
    expect((await get(`/pagefind-additions/${slug}/pagefind-entry.json`)).status).toBe(404)
    for (const fragment of earlierFragments) expect((await get(`/pagefind/fragment/${fragment}`)).status).toBe(404)
    expect(await search('cowslip')).toEqual([])
    expect(await search(marker)).toEqual([])
    expect(site.withdrawnNow()).toEqual([slug])
    expect(site.lastBuild()).toBe(firstBuild)
  }, 60_000)
})
