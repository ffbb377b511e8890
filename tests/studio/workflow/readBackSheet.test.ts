// The read-back sheet prints the exact stored text with the approval code of its hash, the scopes
// as boxes, places for signature, thumbprint and witness, on A4, escaping whatever the text holds;
// the day in both languages' words, the archive's name and hotline on each page; printed in Chromium,
// no code breaks over two lines and the scope boxes stay together on one page.
import { afterAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { approvableText, approvalCode, scopeTitles, textHash } from '../../../core/index.ts'
import { readBackSheetHtml, type SheetSource } from '../../../studio/workflow/index.ts'
import { launchChromium } from '../../browserHarness.ts'
import { aTestimony, today } from '../../core/fixtures.ts'

const source: SheetSource = {
  archive: { km: 'បណ្ណសារសក្ខីកម្ម', en: 'Testimony Archive' },
  hotline: { phone: '000 000 201', name: { km: 'ខ្សែជំនួយ (គំរូប្រឌិត)', en: 'Hotline (fictional sample)' } },
}
let browser: Browser | null = null
afterAll(async () => {
  await browser?.close()
})

describe('the read-back sheet', () => {
  const testimony = aTestimony()
  const html = readBackSheetHtml({ testimony, text: 'public', languages: ['km', 'en'], printedOn: today })

  it('carries the approval code of each language’s text as stored now', () => {
    for (const language of ['km', 'en'] as const) {
      expect(html).toContain(approvalCode(textHash(approvableText(testimony, 'public', language))))
    }
    expect(html).not.toContain(approvalCode(textHash(approvableText(testimony, 'full', 'en'))))
  })

  it('prints the text itself, every scope as a box to tick, and boxes for thumbprint and witness, on A4', () => {
    expect(html).toContain('I was born in a village in the south.')
    expect(html).toContain('ខ្ញុំកើតនៅភូមិមួយនៅភាគខាងត្បូង។')
    for (const title of Object.values(scopeTitles)) expect(html).toContain(title.km)
    expect(html).toMatch(/Thumbprint/)
    expect(html).toMatch(/Witness/)
    expect(html).toMatch(/size: A4/)
  })

  it('leaves out a language that was not asked for, and loads nothing from anywhere', () => {
    const khmerOnly = readBackSheetHtml({ testimony, text: 'full', languages: ['km'], printedOn: today })
    expect(khmerOnly).not.toContain('Kok Prasat')
    expect(khmerOnly).not.toMatch(/(src|href)=|@import|url\(/)
  })

  it('shows markup typed into the text as text', () => {
    const hostile = aTestimony({ title: { en: '<script>alert(1)</script>' } })
    const sheet = readBackSheetHtml({ testimony: hostile, text: 'full', languages: ['en'], printedOn: today })
    expect(sheet).not.toContain('<script>alert')
    expect(sheet).toContain('&lt;script&gt;')
  })

  it('prints the day in Khmer words and digits with the Buddhist Era, and in English', () => {
    expect(html).toContain('បោះពុម្ពថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២៦ (ព.ស. ២៥៧០)')
    expect(html).toContain('Printed on 29 November 2026')
  })

  it('names the archive and its hotline on each page and at its foot, escaped where a page’s margin shows them', () => {
    const sheet = readBackSheetHtml({ testimony, text: 'public', languages: ['km'], printedOn: today, source })
    expect(sheet).toMatch(/@top-center \{ content: "បណ្ណសារសក្ខីកម្ម · Testimony Archive — ខ្សែជំនួយ · Hotline 000 000 201"/)
    expect(sheet).toContain('<span class="phone">000 000 201</span>')
    const hostile = readBackSheetHtml({
      testimony,
      text: 'public',
      languages: ['km'],
      printedOn: today,
      source: { archive: { en: '"</style><script>alert(1)</script>' }, hotline: null },
    })
    expect(hostile).not.toContain('<script>alert')
    expect(hostile.match(/<\/style>/g)).toHaveLength(1)
  })

  it('never breaks a code over two lines and keeps the scope boxes together on one A4 page', async () => {
    browser ??= await launchChromium()
    const long = aTestimony({
      publicVersion: {
        ...aTestimony().publicVersion,
        body: {
          km: aTestimony().publicVersion?.body?.km,
          en: Array.from({ length: 14 }, (_, i) => ({
            _type: 'block',
            _key: `b${i}`,
            style: 'normal',
            markDefs: [],
            children: [
              {
                _type: 'span',
                _key: 's',
                text: 'A paragraph of her story, long enough to fill a good part of a line on the sheet, and more. '.repeat(3),
                marks: [],
              },
            ],
          })),
        },
      },
    })
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } })
    await page.emulateMedia({ media: 'print' })
    await page.setContent(readBackSheetHtml({ testimony: long, text: 'public', languages: ['km', 'en'], printedOn: today, source }))
    const layout = await page.evaluate(() => {
      const codes = [...document.querySelectorAll('.code')].map((code) => code.getClientRects().length)
      // An inline-block is one rectangle even when its text wraps or overflows: it must be one line, whole.
      const lineHeight = (code: Element) => Number.parseFloat(getComputedStyle(code).lineHeight) || 0
      const whole = [...document.querySelectorAll('.code')].map(
        (code) => code.scrollWidth <= code.clientWidth + 1 && code.getBoundingClientRect().height <= lineHeight(code) * 1.5,
      )
      const scopes = document.querySelector('.scopes-section')
      const style = scopes ? getComputedStyle(scopes) : null
      return { codes, whole, breakInside: style?.breakInside, height: scopes?.getBoundingClientRect().height ?? Infinity }
    })
    expect(layout.codes).toEqual([1, 1])
    expect(layout.whole).toEqual([true, true])
    expect(layout.breakInside).toBe('avoid')
    // A4 (297 mm) less the sheet's margins (18 + 20 mm), at 96 px to the inch: what one page holds.
    expect(layout.height).toBeLessThan(((297 - 38) / 25.4) * 96)
    // And it prints, on A4.
    expect((await page.pdf({ format: 'A4' })).subarray(0, 4).toString()).toBe('%PDF')
    await page.close()
  }, 60_000)
})
