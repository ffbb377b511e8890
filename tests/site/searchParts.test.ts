// A large archive's search index in parts (site/search/searchParts.ts), each written by a Pagefind
// process of its own: the seed built with 4 records a part gives many parts, listed for the search
// page, which merges them, so a Khmer or an English word still finds its story wherever its part is;
// the build's report still names each story's fragments, in whichever part they are, and the
// withdrawn story is in none.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestSite, type SiteHarness } from './siteHarness.ts'

let site: SiteHarness
beforeAll(async () => {
  site = await buildTestSite({ searchRecordsPerPart: 4 })
}, 120_000)
afterAll(async () => {
  await site?.stop()
})

const partFolders = () => readdirSync(site.outDir).filter((name) => /^pagefind(-part-\d+)?$/.test(name))
/** The part folder that holds a fragment file. */
const partOf = (fragment: string) => partFolders().find((folder) => existsSync(join(site.outDir, folder, 'fragment', fragment)))

async function search(page: Page, lang: 'km' | 'en', query: string) {
  await page.goto(`${site.url}/${lang}/search/?q=${encodeURIComponent(query)}`)
  await page.waitForFunction((typed) => document.getElementById('search-results')?.dataset.query === typed, query)
  return page.$$eval('#search-results li a', (links) => links.map((link) => link.getAttribute('href') ?? ''))
}

describe('the search index in parts', () => {
  it('writes a part per 4 records, the first in pagefind/ and the others listed in its parts.json', () => {
    const others: unknown = JSON.parse(readFileSync(join(site.outDir, 'pagefind', 'parts.json'), 'utf8'))
    expect(Array.isArray(others) && others.length).toBe(Math.ceil(site.report.searchRecords / 4) - 1)
    expect(partFolders().sort()).toEqual(
      ['pagefind', ...(Array.isArray(others) ? others : []).map((path) => String(path).slice(1, -1))].sort(),
    )
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
    expect(await search(page, 'en', 'dike')).toEqual([])
    await page.close()
  })
})
