// The public site as a reader meets it in Chromium: Khmer first, the language switch, the content
// warning, the neutral page of a withdrawn story, the quick exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import sharp from 'sharp'
import { join } from 'node:path'
import { englishOnlySlug, englishOnlyStory } from './oneLanguageStory.ts'
import { taggedRecording } from './build/mp3Fixture.ts'
import { buildTestSite, withdrawnSeedStory, type SiteHarness } from './siteHarness.ts'

let site: SiteHarness
// MPEG audio with tags around it, as a phone saves it: the site publishes its frames alone.
const withConsent = taggedRecording('RECORDING-WITH-CONSENT')
const withoutConsent = taggedRecording('RECORDING-WITHOUT-CONSENT')
beforeAll(async () => {
  site = await buildTestSite({
    extraDocuments: englishOnlyStory(),
    // Three to a page, so that the seed's seven stories make a list of three pages.
    storiesPerPage: 3,
    prepare: async (lake) => {
      // Recordings of two ceremony readings; only the author of testimony-05 allows hers to be heard.
      const admin = lake.client('administrator')
      for (const [id, bytes] of [
        ['testimony-05', withConsent.file],
        ['testimony-01', withoutConsent.file],
      ] as const) {
        const asset = await admin.assets.upload('file', bytes, { filename: `${id}.mp3`, contentType: 'audio/mpeg' })
        await admin
          .patch(id)
          .set({ 'publicVersion.recording': { _type: 'file', asset: { _type: 'reference', _ref: asset._id } } })
          .commit()
      }
      await admin.patch('consent-05').append('scopes', ['voiceRecording']).commit()
      // A photograph of the place of a ceremony, with metadata the site must not pass on.
      const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#8a6a4a' } })
        .jpeg()
        .withExif({ IFD0: { Copyright: 'PHOTO-METADATA-MARKER' } })
        .toBuffer()
      const image = await admin.assets.upload('image', photo, { filename: 'pagoda.jpg' })
      const alt = { en: 'The pagoda courtyard before the ceremony', km: 'ទីធ្លាវត្តមុនពិធី' }
      await admin
        .patch('ceremony-01')
        .set({ photo: { _type: 'image', asset: { _type: 'reference', _ref: image._id }, alt } })
        .commit()
    },
  })
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
      for (const list of ['stories/', 'stories/page/2/', 'stories/page/3/', 'languages/km/', 'languages/km/page/2/']) {
        await page.goto(`${site.url}/${lang}/${list}`)
        expect(await page.$('#stories')).not.toBeNull()
        expect(await page.content()).not.toContain(withdrawnSeedStory.slug)
      }
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

  it('plays a ceremony recording beside the text only where the voice recording scope allows, from the site itself', async () => {
    const page = await (await site.browser()).newPage()
    await page.goto(`${site.url}/en/stories/i-was-one-of-them-and-i-was-harmed-by-them/`)
    const src = await page.getAttribute('.recording audio', 'src')
    expect(src).toMatch(/^\/media\/[0-9a-f]+\.mp3$/)
    expect(readFileSync(join(site.outDir, src ?? ''))).toEqual(withConsent.audio)
    await page.goto(`${site.url}/en/stories/${story}/`)
    expect(await page.$('.recording audio')).toBeNull()
    await page.close()
  })

  it('shows a ceremony photograph in responsive modern formats, with its alt text and without its metadata', async () => {
    const page = await (await site.browser()).newPage()
    await page.goto(`${site.url}/en/ceremonies/`)
    expect(await page.getAttribute('#ceremony-01 picture img', 'alt')).toBe('The pagoda courtyard before the ceremony')
    const sources = await page.$$eval('#ceremony-01 picture source', (elements) =>
      elements.map((source) => [source.getAttribute('type'), source.getAttribute('srcset')]),
    )
    expect(sources.map(([type]) => type)).toEqual(['image/avif', 'image/webp'])
    expect(sources[0]?.[1]?.split(',').length).toBeGreaterThanOrEqual(3)
    const images = readdirSync(join(site.outDir, '_astro')).filter((file) => /\.(avif|webp|jpe?g)$/.test(file))
    expect(images.length).toBeGreaterThan(3)
    for (const file of images) expect(readFileSync(join(site.outDir, '_astro', file)).includes('PHOTO-METADATA-MARKER')).toBe(false)
    await page.close()
  })

  it('lists the stories three to a page with a pager, and narrows them by language and theme with plain links', async () => {
    const page = await (await site.browser()).newPage()
    await page.goto(`${site.url}/en/stories/`)
    const cards = () => page.$$eval('#stories > li', (items) => items.map((item) => item.getAttribute('data-story')))
    const seen: Array<string | null> = []
    for (const [number, count] of [
      [1, 3],
      [2, 3],
      [3, 1],
    ] as const) {
      expect(await page.textContent('.pager p')).toBe(`Page ${number} of 3`)
      const shown = await cards()
      expect(shown).toHaveLength(count)
      seen.push(...shown)
      if (number < 3) await Promise.all([page.waitForURL(`**/en/stories/page/${number + 1}/`), page.click('.pager a[rel=next]')])
    }
    expect(new Set(seen).size).toBe(7)
    await page.click('.pager a[aria-label="Page 1"]')
    await page.waitForURL('**/en/stories/')

    // Told in Khmer: six of the seven (one is in English only), over two pages.
    await page.click('.browse a[href="/en/languages/km/"]')
    expect(await page.textContent('h1')).toBe('Stories in Khmer')
    const inKhmer = [...(await cards())]
    await page.click('.pager a[rel=next]')
    inKhmer.push(...(await cards()))
    expect(inKhmer).toHaveLength(6)

    // A theme keeps the language chosen, and the other way round.
    await page.click('.browse a[href="/en/themes/violence-against-men/languages/km/"]')
    expect(await cards()).toHaveLength(1)
    expect(await page.$('.pager')).toBeNull()
    await page.click('.browse a[href="/en/themes/violence-against-men/"]')
    expect(await page.textContent('h1')).toBe('Sexual violence against men')
    expect(await cards()).toHaveLength(1)
    await page.click('.browse a[href="/en/stories/"]')
    expect(await cards()).toHaveLength(3)
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
