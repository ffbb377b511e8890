// axe-core on every page type, in both languages: no violation (WCAG 2.2 AA and best practices).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { englishOnlySlug, englishOnlyStory } from './oneLanguageStory.ts'
import { buildTestSite, withdrawnSeedStory, type SiteHarness } from './siteHarness.ts'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let site: SiteHarness
beforeAll(async () => {
  // Two stories to a page, so that the lists have a pager to check.
  site = await buildTestSite({ extraDocuments: englishOnlyStory(), storiesPerPage: 2 })
}, 120_000)
afterAll(async () => {
  await site?.stop()
})

const story = 'the-wedding-i-did-not-choose'
const pageTypes = [
  '/',
  '/LANG/',
  '/LANG/stories/',
  '/LANG/stories/page/2/',
  '/LANG/languages/en/',
  `/LANG/stories/${story}/`,
  `/LANG/stories/${story}/reading/`,
  `/LANG/stories/${withdrawnSeedStory.slug}/`,
  `/LANG/stories/${englishOnlySlug}/`,
  '/LANG/themes/',
  '/LANG/themes/forced-marriage/',
  '/LANG/themes/forced-marriage/page/2/',
  '/LANG/themes/forced-marriage/languages/km/',
  '/LANG/lessons/',
  '/LANG/lessons/forced-marriage-under-the-khmer-rouge-and-the-right-to-choose/',
  '/LANG/ceremonies/',
  '/LANG/about/',
  '/LANG/help/',
  '/LANG/glossary/',
  '/LANG/search/?q=wedding',
  '/LANG/no-such-page/',
  '/no-such-page/',
]

describe('accessibility', () => {
  for (const lang of ['km', 'en']) {
    it(`finds no axe violation on any page type in ${lang}`, async () => {
      const page = await (await site.browser()).newPage()
      const found: string[] = []
      for (const path of new Set(pageTypes.map((type) => type.replace('LANG', lang)))) {
        const response = await page.goto(`${site.url}${path}`)
        // Every page type exists (but the not-found pages), so axe checks what it should.
        if (!path.endsWith('/no-such-page/') && response?.status() !== 200) found.push(`${path}: answered ${response?.status()}`)
        await page.waitForLoadState('networkidle')
        await page.addScriptTag({ content: axeSource })
        const violations = await page.evaluate(async () => {
          const result = await (
            window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }
          ).axe.run()
          return result.violations.map(
            (violation) => `${violation.id} ${JSON.stringify(violation.nodes.slice(0, 3).map((node) => node.target))}`,
          )
        })
        found.push(...violations.map((violation) => `${path}: ${violation}`))
      }
      await page.close()
      expect(found).toEqual([])
    }, 150_000)
  }
})
