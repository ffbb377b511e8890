// Ceremony and print: the reading view is driven by the keyboard, a tap anywhere and a visible back
// button; a story prints on A4 with its Khmer web font embedded and, at its foot, the archive's name,
// the page's address and the hotline; the one-file copy needs nothing from the network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { buildTestSite, type SiteHarness } from './siteHarness.ts'

let site: SiteHarness
beforeAll(async () => {
  site = await buildTestSite()
}, 120_000)
afterAll(async () => {
  await site?.stop()
})

const story = 'the-wedding-i-did-not-choose'

/** The decompressed streams of a PDF (fonts' ToUnicode maps live there). */
function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1')
  const streams: string[] = []
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length
    const end = text.indexOf('endstream', start)
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1'))
    } catch {
      // not a deflated stream (an image or a font program in another encoding)
    }
  }
  return streams
}

describe('ceremony mode and print', () => {
  it('shows one paragraph at a time in the reading view, advanced by arrow keys and space', async () => {
    const page = await (await site.browser()).newPage()
    await page.goto(`${site.url}/km/stories/${story}/reading/`)
    const visible = () => page.$$eval('.reading-step', (steps) => steps.flatMap((step, i) => (step.hasAttribute('hidden') ? [] : [i])))
    expect(await visible()).toEqual([0])
    await page.keyboard.press('ArrowRight')
    expect(await visible()).toEqual([1])
    await page.keyboard.press('Space')
    expect(await visible()).toEqual([2])
    await page.keyboard.press('ArrowLeft')
    expect(await visible()).toEqual([1])
    await page.click('#reading')
    expect(await visible()).toEqual([2])
    expect(await page.textContent('#reading-position')).toBe('កថាខណ្ឌទី ៣ នៃ ៥')
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)')
    await page.close()
  })

  it('goes on with a tap anywhere on the screen, not only on the text, and back with a visible button', async () => {
    const page = await (await site.browser()).newPage({ viewport: { width: 360, height: 740 }, hasTouch: true })
    await page.goto(`${site.url}/km/stories/${story}/reading/`)
    const visible = () => page.$$eval('.reading-step', (steps) => steps.flatMap((step, i) => (step.hasAttribute('hidden') ? [] : [i])))
    // Near the bottom of the screen, below the text: the old view took only taps on the text block.
    const below = await page.evaluate(() => {
      const text = document.getElementById('reading')?.getBoundingClientRect()
      return text ? Math.min(window.innerHeight - 5, text.bottom + 100) : 0
    })
    expect(below).toBeGreaterThan(0)
    await page.touchscreen.tap(180, below)
    expect(await visible()).toEqual([1])
    await page.touchscreen.tap(180, below)
    expect(await visible()).toEqual([2])
    expect(await page.isVisible('#reading-previous')).toBe(true)
    await page.tap('#reading-previous')
    expect(await visible()).toEqual([1])
    await page.tap('#reading-next')
    expect(await visible()).toEqual([2])
    // A link is still a link: the way back to the story page leaves the reading view.
    await page.tap('#reading-help a')
    await page.waitForURL(`**/km/stories/${story}/`)
    await page.close()
  })

  it('prints the archive’s name, the page’s address and the hotline at the foot of a story, and only on paper', async () => {
    const page = await (await site.browser()).newPage()
    for (const lang of ['km', 'en'] as const) {
      await page.goto(`${site.url}/${lang}/stories/${story}/`)
      expect(await page.isVisible('.printed-source')).toBe(false)
      await page.emulateMedia({ media: 'print' })
      expect(await page.isVisible('.printed-source')).toBe(true)
      const foot = await page.textContent('.printed-source')
      expect(foot).toContain(lang === 'km' ? 'បណ្ណសារសក្ខីកម្ម' : 'Testimony Archive')
      expect(foot).toContain(`/${lang}/stories/${story}/`)
      expect(foot).toContain('000 000 201')
      await page.emulateMedia({ media: 'screen' })
    }
    await page.close()
  })

  it('prints a Khmer story to an A4 PDF that embeds the Khmer web font and maps its glyphs to Khmer text', async () => {
    const page = await (await site.browser()).newPage()
    await page.goto(`${site.url}/km/stories/${story}/`)
    await page.evaluate(() => document.fonts.ready)
    const pdf = await page.pdf({ format: 'A4' })
    await page.close()
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSansKhmer/)
    const cmaps = pdfStreams(pdf).filter((stream) => stream.includes('begincmap'))
    expect(cmaps.some((cmap) => /<17[89A-F][0-9A-F]>/i.test(cmap))).toBe(true)
  })

  it('offers a one-file copy with its styles and Khmer font inlined, loading nothing else', async () => {
    const file = join(site.outDir, `km/stories/${story}/${story}-km.html`)
    const html = readFileSync(file, 'utf8')
    expect(html).toContain('src: url(data:font/woff2;base64,')
    expect(html).not.toMatch(/<link|<script|<img|url\((?!data:)/)
    const page = await (await site.browser()).newPage()
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(`file://${file}`)
    await page.evaluate(() => document.fonts.ready)
    expect(
      await page.evaluate(() => [...document.fonts].some((font) => font.family.includes('Noto Sans Khmer') && font.status === 'loaded')),
    ).toBe(true)
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([])
    await page.close()
    // Printed, it says where it comes from and where to find help.
    expect(html).toContain(`/km/stories/${story}/`)
    expect(html).toContain('000 000 201')
    expect(html).toContain('បណ្ណសារសក្ខីកម្ម')
    const storyPage = readFileSync(join(site.outDir, `km/stories/${story}/index.html`), 'utf8')
    expect(storyPage).toContain(`href="/km/stories/${story}/${story}-km.html" download`)
  })
})
