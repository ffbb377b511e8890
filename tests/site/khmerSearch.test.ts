// Search made to work for Khmer (khmer-search.md): a word from the middle of a Khmer sentence finds
// its story, and so does an English word; the query is sent as typed; excerpts show no added
// spaces and begin and end at word boundaries; a word between « » and two words typed as one are
// found, a long misspelt word is not; each language searches its own index; a withdrawn story is not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { buildTestSite, type SiteHarness } from './siteHarness.ts'

let site: SiteHarness
beforeAll(async () => {
  site = await buildTestSite()
}, 120_000)
afterAll(async () => {
  await site?.stop()
})

async function search(page: Page, lang: 'km' | 'en', query: string) {
  await page.goto(`${site.url}/${lang}/search/`)
  await page.fill('#search-query', query)
  await page.click('#search button[type=submit]')
  await page.waitForFunction((typed) => document.getElementById('search-results')?.dataset.query === typed, query)
  const results = await page.$$eval('#search-results li', (items) =>
    items.map((item) => ({
      url: item.querySelector('a')?.getAttribute('href') ?? '',
      excerpt: item.querySelector('p')?.textContent ?? '',
    })),
  )
  return results
}

describe('Khmer search', () => {
  it('finds a story by a Khmer word from the middle of a sentence (សែសិប in …ជាងសែសិបឆ្នាំ)', async () => {
    const page = await (await site.browser()).newPage()
    const results = await search(page, 'km', 'សែសិប')
    expect(results[0]?.url).toBe('/km/stories/the-prison-beside-the-stream/')
    // The excerpt reads as the text does: no added spaces between words, the text's own spaces kept.
    expect(results[0]?.excerpt).toContain('ជាងសែសិបឆ្នាំ។ ពេល')
    await page.close()
  })

  it('finds អាហារ written inside longer runs, with the text (not the index’s endings) as excerpt', async () => {
    const page = await (await site.browser()).newPage()
    // អាហារ (food) is written inside compounds such as អាហាររបស់យើង; the excerpt shows the text, not the endings.
    const results = await search(page, 'km', 'អាហារ')
    expect(results.map((result) => result.url)).toContain('/km/stories/the-prison-beside-the-stream/')
    for (const result of results) expect(result.excerpt).toContain('អាហារ')
    await page.close()
  })

  it('finds the inner word of a compound by its syllable endings (បង្រៀន in គ្រូបង្រៀន), showing the text around it', async () => {
    const page = await (await site.browser()).newPage()
    // No word of the public texts starts with បង្រៀន: only the index's endings can find it.
    const results = await search(page, 'km', 'បង្រៀន')
    const prison = results.find((result) => result.url === '/km/stories/the-prison-beside-the-stream/')
    expect(prison?.excerpt).toContain('គ្រូបង្រៀន')
    await page.close()
  })

  it('finds a word written between « » (រៀនសូត្រ, ខ្សែរយៈ) and two of ICU’s words typed as one (ធ្វើជា)', async () => {
    const page = await (await site.browser()).newPage()
    for (const [query, story] of [
      ['រៀនសូត្រ', 'the-prison-beside-the-stream'],
      ['ខ្សែរយៈ', 'the-prison-beside-the-stream'],
      ['ធ្វើជា', 'what-men-also-did-not-dare-to-say'],
    ] as const) {
      const results = await search(page, 'km', query)
      expect(results.map((result) => result.url)).toContain(`/km/stories/${story}/`)
      for (const result of results) expect(result.excerpt).toContain(query)
    }
    await page.close()
  })

  it('finds nothing for a misspelt word, long or short, that is written nowhere (កមាភិបាល, ខញុំ)', async () => {
    const page = await (await site.browser()).newPage()
    for (const query of ['កមាភិបាល', 'ខញុំ']) {
      expect(await search(page, 'km', query)).toEqual([])
      expect(await page.textContent('#search-status')).toBe('រកមិនឃើញទេ។')
    }
    await page.close()
  })

  it('cuts excerpts where words meet, never before a lone vowel sign or inside a cluster', async () => {
    const page = await (await site.browser()).newPage()
    const excerpts = []
    for (const query of ['ខ្ញុំ', 'ទៅ', 'អាហារ', 'ឆ្នាំ'])
      excerpts.push(...(await search(page, 'km', query)).map((result) => result.excerpt))
    expect(excerpts.length).toBeGreaterThan(10)
    for (const excerpt of excerpts) {
      expect(excerpt).not.toMatch(/^…?\p{M}/u)
      expect(excerpt).not.toMatch(/\u17D2…?$/)
    }
    await page.close()
  })

  it('finds a story by an English word, in the English index only', async () => {
    const page = await (await site.browser()).newPage()
    const results = await search(page, 'en', 'shackled')
    expect(results.map((result) => result.url)).toContain('/en/stories/the-prison-beside-the-stream/')
    expect(await search(page, 'km', 'shackled')).toEqual([])
    await page.close()
  })

  it('does not find the withdrawn story', async () => {
    const page = await (await site.browser()).newPage()
    const withdrawn = /the-wedding-on-the-rice-field-dike/
    for (const [lang, query] of [
      ['en', 'dike'],
      ['en', 'wedding'],
      ['km', 'ភ្លឺស្រែ'],
      ['km', 'រៀបការ'],
    ] as const) {
      const results = await search(page, lang, query)
      expect(results.filter((result) => withdrawn.test(result.url))).toEqual([])
    }
    expect(await search(page, 'en', 'dike')).toEqual([])
    await page.close()
  })
})
