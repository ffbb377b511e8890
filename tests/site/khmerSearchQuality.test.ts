// Khmer search precise as well as complete (issue 16), over the seed and over a larger generated
// Khmer corpus: every real word found where it is written (recall ≥ 98 %), also when typed across
// one of ICU's word boundaries; a misspelt word that occurs nowhere finds nothing; no result page
// lacks the query, neither as Pagefind returns it nor as the page shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syntheticTestimonies } from '../../bench/syntheticTestimonies.ts'
import { loadSiteContent, searchRecords } from '../../site/index.ts'
import { measureKhmerSearch, type SearchQuality } from './searchQuality.ts'
import { buildTestSite, siteToday, type SiteHarness } from './siteHarness.ts'

const corpora: Record<'seed' | 'generated', { site: SiteHarness | null; quality: SearchQuality | null }> = {
  seed: { site: null, quality: null },
  generated: { site: null, quality: null },
}

beforeAll(async () => {
  for (const [name, extraDocuments] of [
    ['seed', []],
    ['generated', syntheticTestimonies(40)],
  ] as const) {
    const site = await buildTestSite({ extraDocuments })
    const { content } = await loadSiteContent({ client: site.lake.client('publisher'), today: siteToday })
    corpora[name] = {
      site,
      quality: await measureKhmerSearch({ siteUrl: site.url, records: searchRecords(content), browser: await site.browser() }),
    }
  }
}, 600_000)
afterAll(async () => {
  for (const corpus of Object.values(corpora)) await corpus.site?.stop()
})

const percent = (part: { pages: number; found: number }) => (100 * part.found) / Math.max(1, part.pages)

describe.each(['seed', 'generated'] as const)('Khmer search over the %s', (name) => {
  const quality = () => {
    const measured = corpora[name].quality
    if (!measured) throw new Error(`the ${name} site was not measured`)
    return measured
  }

  it('finds at least 98 % of the pages where each real word is written', () => {
    expect(quality().words.queries).toBeGreaterThan(300)
    expect(percent(quality().words)).toBeGreaterThanOrEqual(98)
  })

  it('finds two words typed as one across ICU’s word boundary (ធ្វើជា in ធ្លាប់ធ្វើ|ជា)', () => {
    expect(quality().spans.queries).toBeGreaterThan(100)
    expect(percent(quality().spans)).toBeGreaterThanOrEqual(98)
  })

  it('finds nothing for a misspelt word that occurs nowhere (a coeng dropped, a vowel sign swapped)', () => {
    expect(quality().misspelt.queries).toBeGreaterThan(100)
    expect(quality().misspelt.withResults).toBe(0)
  })

  it('returns no page that lacks the query, before or after the page’s own check', () => {
    expect(quality().results).toBeGreaterThan(1000)
    expect(quality().wrongPages).toEqual({ pagefind: 0, shown: 0 })
  })
})
