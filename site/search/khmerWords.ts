// Khmer has no spaces between words; Pagefind matches word prefixes. So the indexed copy splits the
// text into words with ICU's dictionary (Intl.Segmenter), with punctuation apart from the words and
// each Khmer word ended by an invisible letter (khmer-search.md, searchMarks.ts).
import { hasKhmerLetter } from './khmerLetters.ts'
import { ownSpace, wordEnd } from './searchMarks.ts'

const segmenter = new Intl.Segmenter('km', { granularity: 'word' })
/** What a Khmer word is written with: letters, signs, digits and the repetition mark, and the joiners. */
export const khmerWordCharacters = '\u1780-\u17D3\u17D7\u17DD\u17E0-\u17E9\u19E0-\u19FF\u200C\u200D'
const wordOrNot = new RegExp(`[${khmerWordCharacters}]+|[^${khmerWordCharacters}]+`, 'g')
const khmerRun = new RegExp(`^[${khmerWordCharacters}]+$`)

export const hasKhmer = hasKhmerLetter

export function khmerWords(text: string): string[] {
  return [...segmenter.segment(text)].filter((part) => part.isWordLike && hasKhmer(part.segment)).map((part) => part.segment)
}

/** The words of a run of Khmer written without spaces, as ICU's dictionary cuts it. */
export function wordsOf(run: string): string[] {
  return [...segmenter.segment(run)].map((part) => part.segment)
}

/**
 * The text with a plain space between words and around punctuation («រៀនសូត្រ» is three tokens, not
 * one glued to the word before it), ` U+2063 ` where the text itself had a space, and each Khmer word
 * ended by `wordEnd`.
 */
export function spacedKhmer(text: string): string {
  const parts: string[] = []
  for (const { segment } of segmenter.segment(text.replaceAll(wordEnd, ''))) {
    if (/^\s+$/.test(segment)) parts.push(ownSpace)
    else for (const piece of segment.match(wordOrNot) ?? []) parts.push(khmerRun.test(piece) && hasKhmer(piece) ? piece + wordEnd : piece)
  }
  return parts.join(' ')
}
