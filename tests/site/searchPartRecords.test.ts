// How a large archive's search records are cut into parts (site/search/searchParts.ts): one index
// up to a threshold; otherwise a first part with every language and the records that are not a story's,
// and parts of one language each, none over the size, every record in exactly one part.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inSearchIndex, searchPartFolder, searchPartRecords } from '../../site/search/searchParts.ts'

const record = (language: 'km' | 'en', n: number, story = true) => ({
  url: `/${language}/${n}/`,
  language,
  ...(story ? { story: `s${n}` } : {}),
})

describe('the search index’s parts', () => {
  it('are one index up to their threshold, even over a part’s size', () => {
    const records = [record('km', 1), record('en', 1), record('km', 2, false)]
    expect(searchPartRecords(records, { oneIndexUpTo: 3, perPart: 2 })).toEqual([{ records, language: null }])
  })

  it('put every record in exactly one part, none over the size, the first with every language and the others one language each', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), fc.nat(5), fc.integer({ min: 2, max: 20 }), (khmer, english, others, size) => {
        const records = [
          ...Array.from({ length: khmer }, (_, n) => record('km', n)),
          ...Array.from({ length: others }, (_, n) => record(n % 2 ? 'km' : 'en', 100 + n, false)),
          ...Array.from({ length: english }, (_, n) => record('en', n)),
        ]
        const parts = searchPartRecords(records, { oneIndexUpTo: size + 3, perPart: size })
        expect(parts.flatMap((part) => part.records.map((item) => item.url)).sort()).toEqual(records.map((item) => item.url).sort())
        const [first, ...rest] = parts
        if (records.length <= size + 3) {
          expect(parts.length).toBe(1)
          return
        }
        expect(first?.language).toBeNull()
        for (const language of ['km', 'en'] as const)
          if (records.some((item) => item.language === language && item.story))
            expect(first?.records.some((item) => item.language === language)).toBe(true)
        for (const part of parts) expect(part.records.length).toBeLessThanOrEqual(Math.max(size, others + 2))
        for (const part of rest) {
          expect(part.records.length).toBeGreaterThan(0)
          expect(part.records.every((item) => item.language === part.language && item.story)).toBe(true)
        }
      }),
    )
  })

  it('live in folders a build’s own pages are told apart from, with or without a leading slash', () => {
    for (const part of [0, 1, 12]) {
      expect(inSearchIndex(`${searchPartFolder(part)}/fragment/km_1.pf_fragment`)).toBe(true)
      expect(inSearchIndex(`/${searchPartFolder(part)}/pagefind-entry.json`)).toBe(true)
    }
    for (const page of ['/en/stories/pagefind/', 'pagefind-additions/rice/pagefind-entry.json', '/pagefind-part-0/x', 'pagefind.html'])
      expect(inSearchIndex(page), page).toBe(false)
  })
})
