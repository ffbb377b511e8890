// The search page in the browser: Pagefind in this page's language, the query sent as typed
// (khmer-search.md) with its marks kept, and found also where it runs across ICU's word boundaries
// (khmerQuery.ts); a Khmer result is shown only if its text holds what was typed; titles and
// excerpts without the index's marks, cut at word boundaries; the count in the page's digits and
// plural. The words come from the form's data attributes (translations/). In a large archive, whose
// index is in parts, the first search shows the first part's results while the other parts load
// (each adds its page list and a chunk to a search: at 20,000 stories, 392.8 KB before the first
// results with every part merged first, 129.8 KB now), then the whole archive's.
// The one file of core the page needs: core's index would bring zod and the consent rules along.
import { localDigits } from '../../../core/localNumbers.ts'
import type { Language } from '../../../core/index.ts'
import { hasKhmerLetter } from '../../search/khmerLetters.ts'
import { pagesAcrossWords, pagesAsTyped, type Found } from '../../search/khmerQuery.ts'
import { additionsList } from '../../search/searchAdditions.ts'
import { indexesInLanguage } from '../../search/mergedIndexes.ts'
import { searchPartsList } from '../../search/searchParts.ts'
import { searchOptions } from '../../search/searchMarks.ts'
import { excerptOf, holdsQuery, shownText } from '../../search/searchText.ts'

interface PagefindData {
  url: string
  content: string
  excerpt: string
  meta: { title?: string }
}
interface PagefindResult extends Found {
  data(): Promise<PagefindData>
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>
  search(query: string): Promise<{ results: PagefindResult[] }>
}

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id)
  if (found instanceof type) return found
  throw new Error(`The search page has no #${id} of the expected kind; the page and its script disagree.`)
}
const form = element('search', HTMLFormElement)
const input = element('search-query', HTMLInputElement)
const status = element('search-status', HTMLElement)
const list = element('search-results', HTMLOListElement)
const moreButton = element('search-more', HTMLButtonElement)
const language: Language = form.dataset.lang === 'en' ? 'en' : 'km'
const none = form.dataset.none ?? ''
const searchingAll = form.dataset.searchingAll ?? ''
const counts = textsOf(JSON.parse(form.dataset.results ?? '{}'))
const plural = new Intl.PluralRules(language)

let pagefind: Promise<Pagefind> | null = null
/** This language's parts of a large archive's index, not merged yet; merged once, after a first search's first results. */
let partsLeft: string[] = []
let wholeArchive: Promise<void> | null = null
let pending: PagefindResult[] = []
let query = ''
let left = 0

/** Pagefind's own module, written by the build beside the pages (not bundled), started once. */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= startPagefind()
  return pagefind
}

async function startPagefind(): Promise<Pagefind> {
  const engine = (await import(/* @vite-ignore */ new URL('/pagefind/pagefind.js', location.href).href)) as Pagefind
  await engine.options({ noWorker: true, ...searchOptions })
  // Stories published since the last full build have small indexes of their own (searchAdditions.ts),
  // merged at once; a large archive's other parts (searchParts.ts) after the first results. Only this
  // page's language's (mergedIndexes.ts).
  for (const path of indexesInLanguage(await fetchedList(additionsList), language))
    await engine.mergeIndex(new URL(path, location.href).href, searchOptions)
  partsLeft = indexesInLanguage(await fetchedList(searchPartsList), language)
  return engine
}

/** Merges the other parts of a large archive's index, once. */
function mergeParts(engine: Pagefind): Promise<void> {
  wholeArchive ??= (async () => {
    for (const path of partsLeft) await engine.mergeIndex(new URL(path, location.href).href, searchOptions)
    partsLeft = []
  })()
  return wholeArchive
}

/** One of the lists of indexes to merge, fresh (a build or a publication changes it); none if it can not be read. */
const fetchedList = (file: string): Promise<unknown> =>
  fetch(new URL(`/${file}`, location.href), { cache: 'no-store' })
    .then((response): Promise<unknown> | null => (response.ok ? response.json() : null))
    .catch(() => null)

function resultItem(data: PagefindData, khmer: boolean): HTMLLIElement {
  const item = document.createElement('li')
  const link = document.createElement('a')
  link.href = data.url
  link.textContent = khmer ? shownText(data.meta.title ?? data.url) : (data.meta.title ?? data.url)
  const paragraph = document.createElement('p')
  if (khmer) {
    const excerpt = excerptOf(shownText(data.content), query, language)
    const mark = document.createElement('mark')
    mark.textContent = excerpt.match
    paragraph.append(`${excerpt.cut.start ? '…' : ''}${excerpt.before}`, mark, `${excerpt.after}${excerpt.cut.end ? '…' : ''}`)
  } else {
    // Pagefind's own excerpt of an English text (escaped by Pagefind, its matches marked), stems and all.
    paragraph.innerHTML = data.excerpt
  }
  item.append(link, paragraph)
  return item
}

/** The next five results; a withdrawn story's refused fragment, or a Khmer page without the query, is left out. */
async function show(more: boolean): Promise<void> {
  const batch = pending.splice(0, 5)
  const settled = await Promise.allSettled(batch.map((result) => result.data()))
  const khmer = hasKhmerLetter(query)
  const found = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const shown = found.filter((data) => !khmer || holdsQuery(`${shownText(data.meta.title ?? '')}\n${shownText(data.content)}`, query))
  left -= batch.length - shown.length
  const items = shown.map((data) => resultItem(data, hasKhmerLetter(data.content)))
  if (more) list.append(...items)
  else list.replaceChildren(...items)
  tell()
}

/** How many results there are, and whether more wait. */
function tell(): void {
  moreButton.hidden = pending.length === 0
  status.textContent =
    left === 0 ? none : (counts[plural.select(left)] ?? counts.other ?? '').replace('{{count}}', localDigits(left, language))
}

async function run(typed: string): Promise<void> {
  const engine = await loadPagefind()
  query = typed
  if (partsLeft.length > 0) {
    await firstPartResults(engine, typed)
    await mergeParts(engine)
    if (query !== typed) return
  }
  await wholeResults(engine, typed)
}

/** The pages found as typed in the first part of a large archive's index, shown while the other parts load. */
async function firstPartResults(engine: Pagefind, typed: string): Promise<void> {
  if (!(await showAsTyped(engine, typed)) || query !== typed) return
  // Not a count yet, and no "more": the whole archive's results replace these.
  moreButton.hidden = true
  status.textContent = searchingAll
}

/** Searches as typed and shows the first results, if any; null if another search began meanwhile. */
async function showAsTyped(engine: Pagefind, typed: string) {
  const { search, resultsOf } = searcher(engine)
  const ids = await pagesAsTyped(typed, search)
  if (query !== typed) return null
  pending = resultsOf(ids)
  left = pending.length
  // Nothing found as typed: "no results" waits until the search across words is done too.
  if (ids.length > 0) await show(false)
  else list.replaceChildren()
  return { ids, search, resultsOf }
}

/** Each term searched once, its results kept by id. */
function searcher(engine: Pagefind) {
  const results = new Map<string, PagefindResult>()
  const asked = new Map<string, Promise<PagefindResult[]>>()
  const search = (term: string) => {
    const answer = asked.get(term) ?? engine.search(term).then(({ results: found }) => found)
    asked.set(term, answer)
    return answer.then((found) => {
      for (const result of found) if (!results.has(result.id)) results.set(result.id, result)
      return found
    })
  }
  const resultsOf = (ids: ReadonlyArray<string>) => ids.flatMap((id) => [results.get(id)].filter((result) => result !== undefined))
  return { search, resultsOf }
}

/** The pages found as typed, then those where it runs across words; the search is whole then. */
async function wholeResults(engine: Pagefind, typed: string): Promise<void> {
  const shown = await showAsTyped(engine, typed)
  if (!shown) return
  const { ids, search, resultsOf } = shown
  // Then the pages where it runs across words (more of the index to fetch): added below, counted in.
  const across = (await pagesAcrossWords(typed, search)).filter((id) => !ids.includes(id))
  if (query !== typed) return
  if (across.length > 0) {
    const waiting = pending.length > 0
    pending.push(...resultsOf(across))
    left += across.length
    if (waiting) tell()
    else await show(list.children.length > 0)
  } else if (ids.length === 0) tell()
  // The search is whole (the tests and the bench wait for this mark).
  list.dataset.query = typed
}

moreButton.addEventListener('click', () => void show(true))
form.addEventListener('submit', (event) => {
  event.preventDefault()
  const typed = input.value.trim()
  history.replaceState(null, '', `?q=${encodeURIComponent(typed)}`)
  if (typed) void run(typed)
})
const initial = new URLSearchParams(location.search).get('q')
if (initial) {
  input.value = initial
  void run(initial)
}

/** The texts of a JSON object read from the page (the result counts by plural category). */
function textsOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {}
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
}
