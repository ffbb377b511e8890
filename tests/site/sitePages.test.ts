// The public site as a reader meets it in Chromium: Khmer first, the language switch, the content
// warning, the neutral page of a withdrawn story, the quick exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { englishOnlySlug, englishOnlyStory } from './oneLanguageStory.ts'
import { buildTestSite, withdrawnSeedStory, type SiteHarness } from './siteHarness.ts'

let site: SiteHarness
beforeAll(async () => {
  site = await buildTestSite({ extraDocuments: englishOnlyStory() })
}, 120_000)
afterAll(async () => {
  await site?.stop()
})

const story = 'the-wedding-i-did-not-choose'

describe('the public site', () => {
  it('publishes exactly the stories the consent gate allows today (the seed’s six and one in English only)', () => {
    expect(site.report.stories).toBe(7)
    expect(site.report.problems).toEqual([])
  })

  it('serves Khmer first: / is the Khmer home page', async () => {
    const page = await (await site.browser()).newPage()
    await page.goto(`${site.url}/`)
    expect(await page.getAttribute('html', 'lang')).toBe('km')
    await page.close()
  })

  it('keeps the page when the reader switches language', async () => {
    const page = await (await site.browser()).newPage()
    await page.goto(`${site.url}/km/stories/${story}/`)
    await page.click('#language-switch')
    await page.waitForURL(`${site.url}/en/stories/${story}/`)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.textContent('h1')).toBe('The wedding I did not choose')
    await page.click('#language-switch')
    await page.waitForURL(`${site.url}/km/stories/${story}/`)
    await page.close()
  })

  it('shows the content warning before the story', async () => {
    const page = await (await site.browser()).newPage()
    await page.goto(`${site.url}/en/stories/${story}/`)
    const order = await page.evaluate(() => {
      const warning = document.getElementById('content-warning')
      const text = document.querySelector('.story-text')
      return warning && text ? warning.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING : 0
    })
    expect(order).toBeTruthy()
    expect(await page.isVisible('#content-warning')).toBe(true)
    expect(await page.textContent('#content-warning')).toContain('forced marriage')
    await page.close()
  })

  it('shows a withdrawn story only as a neutral page, without its title, and nowhere else', async () => {
    const page = await (await site.browser()).newPage()
    for (const lang of ['km', 'en']) {
      await page.goto(`${site.url}/${lang}/stories/${withdrawnSeedStory.slug}/`)
      const text = await page.textContent('main')
      if (lang === 'en') expect(text).toContain("removed at its author's request")
      expect(text).not.toMatch(/rice-field|dike|ភ្លឺស្រែ/i)
      expect(await page.title()).not.toMatch(/rice-field|dike|ភ្លឺស្រែ/i)
      await page.goto(`${site.url}/${lang}/stories/`)
      expect(await page.content()).not.toContain(withdrawnSeedStory.slug)
    }
    const sitemap = readFileSync(join(site.outDir, 'sitemap.xml'), 'utf8')
    expect(sitemap).toContain(`/km/stories/${story}/`)
    expect(sitemap).not.toContain(withdrawnSeedStory.slug)
    await page.close()
  })

  it('says, in Khmer, that a story exists in English only, and links to it', async () => {
    const page = await (await site.browser()).newPage()
    await page.goto(`${site.url}/km/stories/${englishOnlySlug}/`)
    expect(await page.textContent('h1')).toContain('ភាសាអង់គ្លេស')
    expect(await page.getAttribute('.only-in [lang=en]', 'lang')).toBe('en')
    await page.click(`.only-in a[href="/en/stories/${englishOnlySlug}/"]`)
    expect(await page.textContent('h1')).toBe('A story told in English only')
    await page.close()
  })

  it('marks fictional sample content', async () => {
    const page = await (await site.browser()).newPage()
    await page.goto(`${site.url}/en/stories/${story}/`)
    expect(await page.textContent('.story')).toContain('fictional sample')
    await page.close()
  })

  it('leaves the site with the quick exit, replacing the history entry (button and Escape twice)', async () => {
    const context = await (await site.browser()).newContext()
    await context.route('https://www.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' }))
    const page = await context.newPage()
    for (const leave of [() => page.click('#quick-exit'), () => page.keyboard.press('Escape').then(() => page.keyboard.press('Escape'))]) {
      await page.goto(`${site.url}/en/`)
      await page.goto(`${site.url}/en/stories/${story}/`)
      await leave()
      await page.waitForURL(/google\.com/)
      await page.goBack()
      expect(page.url()).toBe(`${site.url}/en/`)
    }
    await context.close()
  })
})
