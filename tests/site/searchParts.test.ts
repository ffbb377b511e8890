// A large archive's search index in parts (site/search/searchParts.ts), each written by a Pagefind
// process of its own: the seed built with 4 records a part gives many parts, one language each but
// the first, listed by language for the search page, which merges its language's, so a Khmer or an
// English word still finds its story wherever its part is, and only in its own language;
// the build's report still names each story's fragments, in whichever part they are, and the
// withdrawn story is in none; a stopped index starts no further part.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { stopSearchIndex, writeSearchIndex } from '../../site/search/searchIndex.ts'
import { indexesInLanguage } from '../../site/search/mergedIndexes.ts'
import { searchRecords } from '../../site/search/searchRecords.ts'
import { buildTestSite, type SiteHarness } from './siteHarness.ts'
import { fictionalContent } from './siteContentFixture.ts'

let site: SiteHarness
beforeAll(async () => {
  site = await buildTestSite({ searchParts: { oneIndexUpTo: 4, perPart: 4 } })
}, 120_000)
afterAll(async () => {
  await site?.stop()
})

const entryLanguages = z.looseObject({ languages: z.record(z.string(), z.unknown()) })
const partFolders = () => readdirSync(site.outDir).filter((name) => /^pagefind(-part-\d+)?$/.test(name))
/** The part folder that holds a fragment file. */
const partOf = (fragment: string) => partFolders().find((folder) => existsSync(join(site.outDir, folder, 'fragment', fragment)))

async function search(page: Page, lang: 'km' | 'en', query: string) {
  await page.goto(`${site.url}/${lang}/search/?q=${encodeURIComponent(query)}`)
  await page.waitForFunction((typed) => document.getElementById('search-results')?.dataset.query === typed, query)
  return page.$$eval('#search-results li a', (links) => links.map((link) => link.getAttribute('href') ?? ''))
}

describe('the search index in parts', () => {
  it('writes the first part in pagefind/ with every language, the others one language each, listed by language', () => {
    const list: unknown = JSON.parse(readFileSync(join(site.outDir, 'pagefind', 'parts.json'), 'utf8'))
    const km = indexesInLanguage(list, 'km')
    const en = indexesInLanguage(list, 'en')
    expect(km.length).toBeGreaterThan(1)
    expect(en.length).toBeGreaterThan(1)
    expect(partFolders().sort()).toEqual(['pagefind', ...[...km, ...en].map((path) => path.slice(1, -1))].sort())
    const languagesOf = (folder: string) =>
      Object.keys(entryLanguages.parse(JSON.parse(readFileSync(join(site.outDir, folder, 'pagefind-entry.json'), 'utf8'))).languages).sort()
    expect(languagesOf('pagefind')).toEqual(['en', 'km'])
    for (const path of km) expect(languagesOf(path.slice(1, -1))).toEqual(['km'])
    for (const path of en) expect(languagesOf(path.slice(1, -1))).toEqual(['en'])
  })

  it('names each story’s fragments in the report, in whichever part they are', () => {
    const stories = Object.entries(site.report.builtStories)
    expect(stories.length).toBeGreaterThan(3)
    const parts = new Set<string>()
    for (const [slug, story] of stories) {
      expect(story.fragments.length, slug).toBeGreaterThan(0)
      for (const fragment of story.fragments) parts.add(partOf(fragment) ?? `none: ${fragment}`)
    }
    expect([...parts].filter((part) => part.startsWith('none'))).toEqual([])
    expect([...parts].filter((part) => part !== 'pagefind').length).toBeGreaterThan(0)
  })

  it('finds a story by a Khmer word and by an English word with every part merged, the withdrawn story by neither', async () => {
    const page = await (await site.browser()).newPage()
    const prison = site.report.builtStories['the-prison-beside-the-stream']
    // Its Khmer fragment is in a part of its own, not in pagefind/: the search page merged it.
    expect(prison?.fragments.map(partOf).some((part) => part !== 'pagefind')).toBe(true)
    expect(await search(page, 'km', 'សែសិប')).toContain('/km/stories/the-prison-beside-the-stream/')
    expect(await search(page, 'en', 'shackled')).toContain('/en/stories/the-prison-beside-the-stream/')
    // Each language searches its own parts: an English word finds nothing from the Khmer search page.
    expect(await search(page, 'km', 'shackled')).toEqual([])
    expect(await search(page, 'en', 'dike')).toEqual([])
    await page.close()
  })

  it('shows the first part’s results while the other parts load, then the whole archive’s', async () => {
    const page = await (await site.browser()).newPage()
    let release = () => {}
    const loading = new Promise<void>((resolve) => (release = resolve))
    const partsAsked: string[] = []
    await page.route(/\/pagefind-part-\d+\//, async (route) => {
      partsAsked.push(new URL(route.request().url()).pathname)
      await loading
      await route.continue()
    })
    const searchingAll = 'លទ្ធផលដំបូង។ កំពុងស្វែងរកក្នុងបណ្ណសារទាំងមូល…'
    const shown = () => page.$$eval('#search-results li a', (links) => links.map((link) => link.getAttribute('href') ?? ''))
    const firstPartOnly = (href: string) =>
      (site.report.builtStories[href.split('/')[3] ?? '']?.fragments ?? [])
        .filter((name) => name.startsWith('km_'))
        .every((name) => partOf(name) === 'pagefind')
    // "I", in every story told in the first person: the first part's pages at once, before any other part's file.
    await page.goto(`${site.url}/km/search/?q=${encodeURIComponent('ខ្ញុំ')}`)
    await page.waitForFunction((text) => document.getElementById('search-status')?.textContent === text, searchingAll)
    const first = await shown()
    expect(first.length).toBeGreaterThan(0)
    expect(first.filter((href) => !firstPartOnly(href))).toEqual([])
    expect(await page.isHidden('#search-more')).toBe(true)
    // The merging starts once they are shown: no other part's page list, chunk or fragment was needed for them.
    expect(partsAsked.filter((path) => !path.endsWith('/pagefind-entry.json'))).toEqual([])
    release()
    await page.waitForFunction(() => document.getElementById('search-results')?.dataset.query === 'ខ្ញុំ')
    expect(await page.textContent('#search-status')).not.toBe(searchingAll)
    expect(partsAsked.some((path) => path.includes('/fragment/') || path.includes('/index/'))).toBe(true)
    await page.close()
    // A word only a story in another part holds: nothing at first, then that story.
    const rare = await (await site.browser()).newPage()
    let releaseRare = () => {}
    const loadingRare = new Promise<void>((resolve) => (releaseRare = resolve))
    await rare.route(/\/pagefind-part-\d+\//, async (route) => {
      await loadingRare
      await route.continue()
    })
    await rare.goto(`${site.url}/km/search/?q=${encodeURIComponent('សែសិប')}`)
    await rare.waitForFunction((text) => document.getElementById('search-status')?.textContent === text, searchingAll)
    expect(await rare.$$eval('#search-results li', (items) => items.length)).toBe(0)
    releaseRare()
    await rare.waitForFunction(() => document.getElementById('search-results')?.dataset.query === 'សែសិប')
    expect(await rare.$$eval('#search-results li a', (links) => links.map((link) => link.getAttribute('href')))).toContain(
      '/km/stories/the-prison-beside-the-stream/',
    )
    await rare.close()
  })

  it('starts no further part once stopped (a build that failed in Astro), and says the index is not whole', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'search-parts-'))
    try {
      const content = fictionalContent()
      const indexing = writeSearchIndex(content, outDir, undefined, { oneIndexUpTo: 1, perPart: 1 })
      const failed = indexing.then(
        () => null,
        (error: unknown) => error,
      )
      // Stopped once its first part is written, a record a part: Pagefind would otherwise start again for the next.
      await expect.poll(() => existsSync(join(outDir, 'pagefind', 'pagefind-entry.json')), { timeout: 30_000, interval: 5 }).toBe(true)
      await stopSearchIndex()
      expect(await failed).toBeInstanceOf(Error)
      const records = searchRecords(content).length
      expect(records).toBeGreaterThan(3)
      expect(readdirSync(outDir).filter((name) => name.startsWith('pagefind-part-')).length).toBeLessThan(records - 2)
    } finally {
      rmSync(outDir, { recursive: true, force: true })
    }
  })
})
