// Ceremony and print: the reading view is driven by the keyboard, a story prints on A4 with its Khmer
// web font embedded, and the one-file copy needs nothing from the network.
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
    expect(await page.textContent('#reading-position')).toMatch(/3/)
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)')
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
    const storyPage = readFileSync(join(site.outDir, `km/stories/${story}/index.html`), 'utf8')
    expect(storyPage).toContain(`href="/km/stories/${story}/${story}-km.html" download`)
  })
})
