// The seed's lake with one more story published before the live site starts (her earlier text is in
// the full build it serves), the live site, and a Chromium page: what the tests of her corrections share.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import { importDocuments } from '../../../lake/index.ts'
import { seedArchivePath } from '../../../seed/index.ts'
import { startLiveSite, type LiveSite, type LiveSiteOptions } from '../../../site/live/index.ts'
import { launchChromium } from '../../browserHarness.ts'
import { startLake, type LakeHarness } from '../../lake/lakeHarness.ts'
import { fixtureWalk, walkTo, type WalkedState } from '../../lake/workflowWalk.ts'
import { siteToday } from '../siteHarness.ts'
import { cardsIn, livePage, liveSearch } from './livePages.ts'

export interface PublishedStoryHarness {
  lake: LakeHarness
  site: LiveSite
  get: (path: string) => ReturnType<typeof livePage>
  /** Searches the English search page. */
  search: (query: string) => Promise<string[]>
  /** A testimony and its consent given, walked as the Studio does from `from` to `to`. */
  walk: (story: Array<Record<string, unknown>>, from: WalkedState, to: WalkedState) => Promise<void>
  stop(): Promise<void>
}

/** Starts them with `story` published; `site` adds to (or replaces) the live site's options. */
export async function startWithPublishedStory(
  story: Array<Record<string, unknown>>,
  site: Partial<Omit<LiveSiteOptions, 'client' | 'folder'>>,
): Promise<PublishedStoryHarness> {
  const lake = await startLake({ today: siteToday })
  importDocuments(lake.lake.services.datasets.ensure('production'), readFileSync(seedArchivePath, 'utf8'), {
    author: 'seed',
    replace: false,
  })
  const walk = (walked: Array<Record<string, unknown>>, from: WalkedState, to: WalkedState) =>
    walkTo(to, { ...fixtureWalk(lake.client('administrator'), walked), from })
  await walk(story, 'drafting', 'published')
  const folder = mkdtempSync(join(tmpdir(), 'live-published-story-'))
  let live: LiveSite | null = null
  let browser: Browser | null = null
  try {
    live = await startLiveSite({
      client: lake.client('publisher', { perspective: 'published' }),
      folder,
      port: 0,
      today: () => siteToday,
      log: () => {},
      ...site,
    })
    browser = await launchChromium()
    const page: Page = await browser.newPage()
    const port = live.port
    const started = { live, browser }
    return {
      lake,
      site: live,
      get: (path) => livePage(port, path),
      search: (query) => liveSearch(page, port, query),
      walk,
      async stop() {
        await started.browser.close()
        await started.live.stop()
        await lake.stop()
        rmSync(folder, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await browser?.close()
    await live?.stop()
    await lake.stop()
    rmSync(folder, { recursive: true, force: true })
    throw error
  }
}

/** What the site shows of an English story she corrected: her corrected text only, on every page, list, the sitemap and search. */
export async function expectOnlyHerCorrectedText(
  harness: PublishedStoryHarness,
  her: { slug: string; corrected: string; earlier: string; earlierFragments: ReadonlyArray<string>; newWord: string; oldWord: string },
): Promise<void> {
  const { slug } = her
  for (const path of [`/en/stories/${slug}/`, `/en/stories/${slug}/reading/`, `/en/stories/${slug}/${slug}-en.html`]) {
    const shown = (await harness.get(path)).text
    expect(shown, path).toContain(her.corrected)
    expect(shown, path).not.toContain(her.earlier)
  }
  // One card of hers on each list, the new one, and one sitemap entry.
  for (const list of ['/en/stories/', '/en/languages/en/', '/km/languages/en/'])
    expect(
      cardsIn((await harness.get(list)).text).filter((each) => each === slug),
      list,
    ).toEqual([slug])
  expect((await harness.get('/sitemap.xml')).text.split(`/en/stories/${slug}/</loc>`)).toHaveLength(2)
  // Her earlier text's search fragments are refused; her new words are found, her old ones are not.
  for (const fragment of her.earlierFragments) expect((await harness.get(`/pagefind/fragment/${fragment}`)).status).toBe(404)
  expect(await harness.search(her.newWord)).toEqual([`/en/stories/${slug}/`])
  expect(await harness.search(her.oldWord)).toEqual([])
}
