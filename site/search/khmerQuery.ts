// Finding what a reader typed in the Khmer index, also where it runs across one of ICU's word
// boundaries (ធ្វើជា written ធ្លាប់ធ្វើ | ជា). Pagefind matches the start of one indexed word or inner
// part, so such a query is found in pieces: a whole word (at an even position) or inner part (at the
// odd one after its word) followed by the rest starting at the next word, from the positions Pagefind
// gives with each result (khmerWords.ts lays the index out so). A pure function of a search function,
// so that the search page and the search-quality test run the same. No Node APIs.
import { syllableStarts } from './khmerSyllables.ts'
import { wordEnd } from './searchMarks.ts'

/** A page Pagefind found, and the positions of the words that matched in it. */
export interface Found {
  id: string
  words: ReadonlyArray<number>
}
export type Search = (term: string) => Promise<ReadonlyArray<Found>>

/** How many of ICU's words one typed word may run across. */
const maxPieces = 3
const oneKhmerWord = /^[\u1780-\u17D3\u17D7\u17DD\u17E0-\u17E9]+$/
/** The position of the word after the word or inner-part token at `position`. */
const nextWord = (position: number) => position + (position % 2 === 0 ? 2 : 1)

type Starts = Map<string, Set<number>>

/** The pages that hold the query: Pagefind's own answer, and those where it runs across words. */
export async function findPages(query: string, search: Search): Promise<string[]> {
  const typed = await pagesAsTyped(query, search)
  return [...new Set([...typed, ...(await pagesAcrossWords(query, search))])]
}

/** Pagefind's own answer: the pages where a word or inner part starts with the query. */
export async function pagesAsTyped(query: string, search: Search): Promise<string[]> {
  return (await search(query)).map((found) => found.id)
}

/**
 * The pages where a Khmer query runs across words, even when it is a whole word elsewhere (ធ្វើជា is
 * one word in one story and ធ្លាប់ធ្វើ | ជា in another). This fetches more of the index, so the
 * search page shows the pages found as typed first and adds these after.
 */
export async function pagesAcrossWords(query: string, search: Search): Promise<string[]> {
  if (!oneKhmerWord.test(query)) return []
  const ids: string[] = []
  const known = new Map<string, Promise<Starts>>()
  for (const cut of syllableStarts(query)) {
    // The first piece may end a word (its inner part) as well as be one.
    const whole = await search(query.slice(0, cut) + wordEnd)
    if (whole.length === 0) continue
    const rest = await wordStarts(query.slice(cut), search, maxPieces - 1, known)
    for (const { id, words } of whole) if (words.some((position) => rest.get(id)?.has(nextWord(position)))) ids.push(id)
  }
  return [...new Set(ids)]
}

/** Where, page by page, a word starts with `text`, or begins `text` that runs on into the next words. */
function wordStarts(text: string, search: Search, pieces: number, known: Map<string, Promise<Starts>>): Promise<Starts> {
  const key = `${pieces}:${text}`
  const remembered = known.get(key)
  if (remembered) return remembered
  const finding = (async () => {
    const starts: Starts = new Map()
    const add = (id: string, position: number) => starts.set(id, (starts.get(id) ?? new Set()).add(position))
    for (const { id, words } of await search(text)) for (const position of words) if (position % 2 === 0) add(id, position)
    if (pieces > 1) {
      for (const cut of syllableStarts(text)) {
        const whole = await search(text.slice(0, cut) + wordEnd)
        if (whole.length === 0) continue
        const rest = await wordStarts(text.slice(cut), search, pieces - 1, known)
        for (const { id, words } of whole)
          for (const position of words) if (position % 2 === 0 && rest.get(id)?.has(position + 2)) add(id, position)
      }
    }
    return starts
  })()
  known.set(key, finding)
  return finding
}
