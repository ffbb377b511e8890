// The reader's site whole in each language (issue 16): Khmer pages count and date in Khmer digits
// (phone numbers aside, as the programme writes them), the not-found page speaks the language of its
// address, Khmer is drawn upright at its real weight with room for its stacked signs, and nothing on
// the search page overlaps on a phone 320–360 px wide.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestSite, type SiteHarness } from './siteHarness.ts'

let site: SiteHarness
beforeAll(async () => {
  // Three to a page, so that the story list has a pager.
  site = await buildTestSite({ storiesPerPage: 3 })
}, 120_000)
afterAll(async () => {
  await site?.stop()
})

const story = 'the-wedding-i-did-not-choose'

/** Visible text of the page's frame and lists with an Arabic digit: not the stories' own words, phones or addresses. */
function asciiDigits(page: Page) {
  return page.evaluate(() => {
    const own = '.story-text, .hopes p, .reading-step, a[href^="tel:"], .phone, .address, [lang="en"], script, style'
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    const found: string[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest(own) || !parent.checkVisibility()) continue
      // A name such as A4 is no number.
      if (/(?<![A-Za-z])[0-9]/.test(node.textContent ?? '')) found.push((node.textContent ?? '').trim())
    }
    const lists = [...document.querySelectorAll('ol')].filter((list) => getComputedStyle(list).listStyleType !== 'khmer')
    return [...found, ...lists.map((list) => `<ol> counted ${getComputedStyle(list).listStyleType}`)]
  })
}

/** Text in the other language's script that is not marked as that language. */
function unmarked(page: Page, language: 'km' | 'en') {
  return page.evaluate((language) => {
    const other = language === 'en' ? /[\u1780-\u17FF]/ : /[A-Za-z]/
    const marked = language === 'en' ? '[lang="km"]' : '[lang="en"]'
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    const found: string[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest(`${marked}, script, style`) || !parent.checkVisibility()) continue
      if (other.test(node.textContent ?? '')) found.push((node.textContent ?? '').trim())
    }
    return { lang: document.documentElement.lang, title: document.title, found }
  }, language)
}

describe('Khmer numerals and dates', () => {
  it('writes counters, years, dates, list numbers and the search count in Khmer digits on Khmer pages', async () => {
    const page = await (await site.browser()).newPage()
    const found: string[] = []
    for (const path of ['/km/stories/', '/km/stories/page/2/', `/km/stories/${story}/`, '/km/ceremonies/', '/km/lessons/']) {
      await page.goto(`${site.url}${path}`)
      found.push(...(await asciiDigits(page)).map((text) => `${path}: ${text}`))
    }
    expect(await page.goto(`${site.url}/km/stories/${story}/`).then(() => page.textContent('.facts'))).toContain('១៩៧៥–១៩៧៩')
    expect(await page.textContent('.story-context time')).toMatch(/^ថ្ងៃទី[០-៩]+ ខែ\S+ ឆ្នាំ[០-៩]{4} \(ព\.ស\. [០-៩]{4}\)$/)

    await page.goto(`${site.url}/km/stories/${story}/reading/`)
    await page.keyboard.press('ArrowRight')
    expect(await page.textContent('#reading-position')).toBe('កថាខណ្ឌទី ២ នៃ ៥')
    found.push(...(await asciiDigits(page)).map((text) => `reading: ${text}`))

    await page.goto(`${site.url}/km/search/?q=${encodeURIComponent('ខ្ញុំ')}`)
    await page.waitForSelector('#search-results[data-query]')
    expect(await page.textContent('#search-status')).toMatch(/^លទ្ធផល [០-៩]+$/)
    found.push(...(await asciiDigits(page)).map((text) => `search: ${text}`))
    expect(found).toEqual([])
    await page.close()
  })

  it('keeps Arabic digits on English pages', async () => {
    const page = await (await site.browser()).newPage()
    await page.goto(`${site.url}/en/stories/${story}/`)
    expect(await page.textContent('.facts')).toContain('1975–1979')
    expect(await page.textContent('.story-context time')).toBe('16 March 2024')
    await page.close()
  })
})

describe('each language whole', () => {
  it('answers a missing English address with a page wholly in English, and a Khmer or other one wholly in Khmer', async () => {
    const page = await (await site.browser()).newPage()
    const english = await page.goto(`${site.url}/en/no-such-page/`)
    expect(english?.status()).toBe(404)
    // Only the language switch is in Khmer, and it says so.
    expect(await unmarked(page, 'en')).toEqual({ lang: 'en', title: 'Page not found · Testimony Archive', found: [] })
    expect(await page.textContent('#quick-exit')).toBe('Leave this site')
    for (const path of ['/km/no-such-page/', '/no-such-page/']) {
      const khmer = await page.goto(`${site.url}${path}`)
      expect(khmer?.status()).toBe(404)
      const seen = await unmarked(page, 'km')
      expect(seen.lang).toBe('km')
      expect(seen.title).not.toMatch(/[A-Za-z]/)
      expect(seen.found).toEqual([])
    }
    await page.close()
  })

  it('counts English results in the singular and the plural', async () => {
    const page = await (await site.browser()).newPage()
    await page.goto(`${site.url}/en/search/?q=bicycle`)
    await page.waitForSelector('#search-results[data-query]')
    expect(await page.textContent('#search-status')).toBe('1 result')
    await page.goto(`${site.url}/en/search/?q=wedding`)
    await page.waitForSelector('#search-results[data-query]')
    expect(await page.textContent('#search-status')).toMatch(/^\d+ results$/)
    await page.close()
  })
})

describe('typography for Khmer', () => {
  it('draws no Khmer in italics or synthetic bold, with a line height that leaves room for stacked signs', async () => {
    const page = await (await site.browser()).newPage()
    const found: string[] = []
    for (const path of [`/km/stories/${story}/`, '/km/stories/', '/km/search/']) {
      await page.goto(`${site.url}${path}`)
      if (path.endsWith('/search/')) await page.fill('#search-query', 'ខ្ញុំ')
      found.push(
        ...(
          await page.evaluate(() => {
            const problems: string[] = []
            for (const element of document.querySelectorAll<HTMLElement>('body *')) {
              const own = [...element.childNodes].some(
                (node) => node.nodeType === Node.TEXT_NODE && /[\u1780-\u17FF]/.test(node.textContent ?? ''),
              )
              const typed = element instanceof HTMLInputElement && /[\u1780-\u17FF]/.test(element.value)
              if ((!own && !typed) || !element.checkVisibility()) continue
              const style = getComputedStyle(element)
              const name = `${element.tagName.toLowerCase()}.${element.className}`
              if (style.fontStyle !== 'normal') problems.push(`${name} is ${style.fontStyle}`)
              if (style.fontSynthesis !== 'none') problems.push(`${name} may synthesise (${style.fontSynthesis})`)
              if (!(parseFloat(style.lineHeight) >= 1.6 * parseFloat(style.fontSize)))
                problems.push(`${name} has line height ${style.lineHeight}`)
            }
            return problems
          })
        ).map((problem) => `${path}: ${problem}`),
      )
    }
    expect(found).toEqual([])
    await page.close()
  }, 60_000)
})

describe('the search page on a phone', () => {
  it('draws nothing over anything else at 320 and 360 px, in Khmer and English, with results shown', async () => {
    const shots = mkdtempSync(join(tmpdir(), 'search-shots-'))
    const browser = await site.browser()
    const overlaps: string[] = []
    for (const width of [320, 360])
      for (const [lang, query] of [
        ['km', 'ខ្ញុំ'],
        ['en', 'wedding'],
      ] as const) {
        const page = await browser.newPage({ viewport: { width, height: 800 } })
        await page.goto(`${site.url}/${lang}/search/?q=${encodeURIComponent(query)}`)
        await page.waitForSelector('#search-results[data-query]')
        await page.evaluate(() => document.fonts.ready)
        const found = await page.evaluate(() => {
          // Each visible run of text by line, as tall as its line (a Khmer font's glyph area is taller
          // than the line and may reach into the next one, as CSS allows), and each control.
          type Box = { owner: Element; left: number; right: number; top: number; bottom: number; name: string }
          const boxes: Box[] = []
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const owner = node.parentElement
            if (!owner || !(node.textContent ?? '').trim() || !owner.checkVisibility() || owner.closest('script, style')) continue
            const line = parseFloat(getComputedStyle(owner).lineHeight)
            const range = document.createRange()
            range.selectNodeContents(node)
            for (const rect of range.getClientRects()) {
              const middle = (rect.top + rect.bottom) / 2
              const half = Math.min(rect.height, line) / 2
              const name = (node.textContent ?? '').trim().slice(0, 20)
              boxes.push({ owner, left: rect.left, right: rect.right, top: middle - half, bottom: middle + half, name })
            }
          }
          for (const control of document.querySelectorAll('input, button, img')) {
            if (!control.checkVisibility()) continue
            const { left, right, top, bottom } = control.getBoundingClientRect()
            boxes.push({ owner: control, left, right, top, bottom, name: `<${control.tagName.toLowerCase()}>` })
          }
          const problems: string[] = []
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const [a, b] = [boxes[i], boxes[j]]
              if (!a || !b || a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue
              const across = Math.min(a.right, b.right) - Math.max(a.left, b.left)
              const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
              if (across > 1 && down > 1) problems.push(`"${a.name}" and "${b.name}"`)
            }
          // Nothing wider than the screen either.
          if (document.documentElement.scrollWidth > window.innerWidth)
            problems.push(`the page is ${document.documentElement.scrollWidth} px wide`)
          return problems
        })
        const shot = join(shots, `search-${lang}-${width}.png`)
        writeFileSync(shot, await page.screenshot({ fullPage: true }))
        overlaps.push(...found.map((problem) => `${lang} at ${width} px (${shot}): ${problem}`))
        await page.close()
      }
    expect(overlaps).toEqual([])
  }, 90_000)
})
