// Khmer search measured as a reader meets it, over the public texts of a built site: every distinct
// Khmer word (recall), each misspelt where the misspelling occurs nowhere (a coeng dropped, one vowel
// sign swapped: must find nothing), and pairs of adjacent words typed as one (recall across ICU's
// word boundaries); every result page checked against the texts themselves. Pagefind runs in
// Chromium with the search page's options, asked as the page asks it (findPages), and the page's
// own filter is applied to its results.
import type { Browser } from 'playwright-core'
import type { SearchRecord } from '../../site/search/searchRecords.ts'
import { khmerWords, searchOptions } from '../../site/index.ts'
import { findPages, type Found } from '../../site/search/khmerQuery.ts'
import { comparable, holdsTerms, shownText } from '../../site/search/searchText.ts'

export interface SearchQuality {
  words: { queries: number; pages: number; found: number }
  spans: { queries: number; pages: number; found: number }
  misspelt: { queries: number; withResults: number }
  /** Result pages that do not hold the query: as Pagefind returns them, and as the page shows them. */
  wrongPages: { pagefind: number; shown: number }
  results: number
}

const vowelSigns = [...'ាិីឹឺុូួើឿៀេែៃោៅ']
const segmenter = new Intl.Segmenter('km', { granularity: 'word' })
const khmerLetter = /[\u1780-\u17B3]/

/** The first spelling of a word with a coeng dropped or one vowel sign swapped that no text holds (texts `comparable`). */
function misspelling(word: string, texts: ReadonlyArray<string>): string | null {
  const candidates: string[] = []
  for (let i = 0; i < word.length; i++) {
    if (word[i] === '\u17D2') candidates.push(word.slice(0, i) + word.slice(i + 1))
    if (vowelSigns.includes(word[i] ?? ''))
      for (const v of vowelSigns) if (v !== word[i]) candidates.push(word.slice(0, i) + v + word.slice(i + 1))
  }
  return candidates.find((candidate) => texts.every((text) => !text.includes(comparable(candidate)))) ?? null
}

/** Adjacent Khmer words with nothing between them, as ICU cuts the text. */
function adjacentPairs(text: string): string[] {
  const parts = [...segmenter.segment(text)]
  return parts.slice(1).flatMap((part, i) => {
    const before = parts[i]
    return before?.isWordLike && part.isWordLike && khmerLetter.test(before.segment) && khmerLetter.test(part.segment)
      ? [before.segment + part.segment]
      : []
  })
}

export async function measureKhmerSearch(input: {
  siteUrl: string
  records: ReadonlyArray<SearchRecord>
  browser: Browser
  /** At most this many word pairs (they are many); all words and misspellings are asked. */
  pairs?: number
}): Promise<SearchQuality> {
  const pages = input.records.filter((record) => record.language === 'km').map((r) => ({ url: r.url, text: `${r.title}\n${r.text}` }))
  const texts = pages.map((page) => page.text)
  const wordsOf = new Map(pages.map((page) => [page.url, new Set(khmerWords(page.text))]))
  const pairsOf = new Map(pages.map((page) => [page.url, new Set(adjacentPairs(page.text))]))
  const words = [...new Set(pages.flatMap((page) => [...(wordsOf.get(page.url) ?? [])]))].filter((word) => khmerLetter.test(word))
  const spans = [...new Set(pages.flatMap((page) => [...(pairsOf.get(page.url) ?? [])]))].slice(0, input.pairs ?? 400)
  const comparableTexts = texts.map(comparable)
  const misspelt = words.flatMap((word) => [misspelling(word, comparableTexts)].filter((m): m is string => m !== null))

  const page = await input.browser.newPage()
  await page.goto(`${input.siteUrl}/km/search/`)
  // Given as a string, so that vitest does not rewrite the browser's own import().
  await page.evaluate(`import('/pagefind/pagefind.js').then((module) => { window.pagefindForTest = module })`)
  await page.evaluate(async (options) => {
    await Reflect.get(window, 'pagefindForTest').options({ noWorker: true, ...options })
  }, searchOptions)
  // Pagefind answers in the browser, the page's own findPages asks it from here: one question a call.
  const asked = new Map<string, Promise<ReadonlyArray<Found>>>()
  const search = (term: string) => {
    const answer =
      asked.get(term) ??
      page.evaluate(async (term: string) => {
        const found: { results: Array<{ id: string; words: number[] }> } = await Reflect.get(window, 'pagefindForTest').search(term)
        return found.results.map(({ id, words }) => ({ id, words }))
      }, term)
    asked.set(term, answer)
    return answer
  }
  const pagesOf: Record<string, string[]> = {}
  for (const query of new Set([...words, ...spans, ...misspelt])) pagesOf[query] = await findPages(query, search)
  // Each page found, once: its address and its indexed title and text.
  const ids = [...new Set(Object.values(pagesOf).flat())]
  const loaded = await page.evaluate(async (ids: string[]) => {
    const pagefind = Reflect.get(window, 'pagefindForTest')
    const byId: Record<string, { url: string; shown: string }> = {}
    // Every page, as a search for nothing but filters gives them, cut down to those found.
    const all: { results: Array<{ id: string; data(): Promise<{ url: string; content: string; meta: { title?: string } }> }> } =
      await pagefind.search(null)
    const results = all.results.filter((result) => ids.includes(result.id))
    for (const result of results) {
      const data = await result.data()
      byId[result.id] = { url: data.url, shown: `${data.meta.title ?? ''}\n${data.content}` }
    }
    return byId
  }, ids)
  const answers = {
    found: Object.fromEntries(Object.entries(pagesOf).map(([query, found]) => [query, found.map((id) => loaded[id]?.url ?? id)])),
    shown: Object.fromEntries(Object.values(loaded).map(({ url, shown }) => [url, shown])),
  }
  await page.close()

  const textOf = new Map(pages.map((p) => [p.url, comparable(p.text)]))
  const shownOf = new Map(
    Object.entries(answers.shown).map(([url, indexed]) => {
      const [title = '', ...content] = indexed.split('\n')
      return [url, comparable(`${shownText(title)}\n${shownText(content.join('\n'))}`)]
    }),
  )
  let pagefindWrong = 0
  let shownWrong = 0
  let results = 0
  const resultsOf = (query: string) => {
    const found = answers.found[query] ?? []
    // What the search page shows: only results whose shown text holds the query.
    const kept = found.filter((url) => holdsTerms(shownOf.get(url) ?? '', query))
    return { found, kept }
  }
  for (const query of Object.keys(answers.found)) {
    const { found, kept } = resultsOf(query)
    results += kept.length
    pagefindWrong += found.filter((url) => !holdsTerms(textOf.get(url) ?? '', query)).length
    shownWrong += kept.filter((url) => !holdsTerms(textOf.get(url) ?? '', query)).length
  }
  const recall = (queries: ReadonlyArray<string>, holds: Map<string, Set<string>>) => {
    let relevant = 0
    let found = 0
    for (const query of queries) {
      const kept = new Set(resultsOf(query).kept)
      for (const [url, set] of holds)
        if (set.has(query)) {
          relevant++
          if (kept.has(url)) found++
          else if (process.env.SEARCH_QUALITY_MISSES) console.log(`missed ${query} on ${url}`)
        }
    }
    return { queries: queries.length, pages: relevant, found }
  }
  return {
    words: recall(words, wordsOf),
    spans: recall(spans, pairsOf),
    misspelt: { queries: misspelt.length, withResults: misspelt.filter((query) => resultsOf(query).kept.length > 0).length },
    wrongPages: { pagefind: pagefindWrong, shown: shownWrong },
    results,
  }
}
