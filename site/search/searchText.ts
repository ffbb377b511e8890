// What the search page does with a result, kept apart so that the search-quality test uses the same:
// the text to show (without the index's marks and added spaces), whether it holds what the reader
// typed, and an excerpt around it cut at word boundaries, never inside a Khmer cluster.
import { endingsMark, notText, ownSpace, wordEnd } from './searchMarks.ts'

/**
 * The indexed copy of a Khmer text (or its title) as the text reads: every plain space in it was
 * added, a token that is not text is left out, and a word is shown without its end mark.
 */
export function shownText(indexed: string): string {
  const cut = indexed.indexOf(endingsMark)
  const copy = cut < 0 ? indexed : indexed.slice(0, cut)
  return copy
    .split(' ')
    .filter((token) => !token.startsWith(notText))
    .join('')
    .replaceAll(wordEnd, '')
    .replaceAll(ownSpace, ' ')
    .trim()
}

/** A text as Pagefind reads a query and a page: no punctuation, no zero-width characters, lower case, NFC. */
export const comparable = (text: string) =>
  text
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/[\p{P}\u200B-\u200D\u2060\uFEFF]/gu, '')

/** The words of a query as Pagefind searches them, each of which a result must hold. */
export function queryTerms(query: string): string[] {
  return query.split(/\s+/).map(comparable).filter(Boolean)
}

/** Does this text hold every word of the query (punctuation aside)? */
export function holdsQuery(text: string, query: string): boolean {
  return holdsTerms(comparable(text), query)
}

/** holdsQuery on a text already made `comparable` (a test asks thousands of queries of one text). */
export function holdsTerms(comparableText: string, query: string): boolean {
  const terms = queryTerms(query)
  return terms.length > 0 && terms.every((term) => comparableText.includes(term))
}

export interface Excerpt {
  before: string
  match: string
  after: string
  /** Whether text was left out before and after the excerpt. */
  cut: { start: boolean; end: boolean }
}

/** About `around` characters either side of the query's first word in the text, cut where words meet. */
export function excerptOf(text: string, query: string, language: string, around = { before: 60, after: 100 }): Excerpt {
  const term = query.trim().split(/\s+/)[0] ?? ''
  const found = term ? text.indexOf(term) : -1
  const at = Math.max(0, found)
  const length = found < 0 ? 0 : term.length
  const bounds = [...new Intl.Segmenter(language, { granularity: 'word' }).segment(text)].map((part) => part.index)
  bounds.push(text.length)
  const start = Math.max(0, ...bounds.filter((bound) => bound <= Math.max(0, at - around.before)))
  const end = Math.min(...bounds.filter((bound) => bound >= Math.min(text.length, at + length + around.after)))
  return {
    before: text.slice(start, at),
    match: text.slice(at, at + length),
    after: text.slice(at + length, end),
    cut: { start: start > 0, end: end < text.length },
  }
}
