// Khmer has no spaces between words; Pagefind matches word prefixes. So the indexed copy splits the
// text into words with ICU's dictionary (Intl.Segmenter), with punctuation apart from the words, each
// Khmer word ended by an invisible letter and followed by a token of its inner parts cut at syllable
// starts (khmer-search.md, searchMarks.ts).
import { hasKhmerLetter } from './khmerLetters.ts'
import { syllableStarts } from './khmerSyllables.ts'
import { notText, ownSpace, wordEnd } from './searchMarks.ts'

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
 * The text as indexed, two tokens for each of its pieces, so that a word starts at an even position:
 * a Khmer word ended by `wordEnd`, then `notText` and its inner parts (ការអត់អាហារៜ ⁤អត់អាហារៜ-អាហារៜ…;
 * Pagefind indexes the pieces of a hyphenated token as words at its position, so that អាហារ is found
 * by prefix, and a query running on into the next word, ធ្វើជា in ធ្លាប់ធ្វើ | ជា, is found from
 * positions, khmerQuery.ts); any other piece (punctuation apart from words: «រៀនសូត្រ» is three, not one
 * glued to the word before it; the text's own space as U+2063) then `notText` alone. Zero-width spaces
 * are left out (Pagefind skips a token of them without counting it).
 */
export function spacedKhmer(text: string): string {
  const tokens: string[] = []
  for (const { segment } of segmenter.segment(text.replace(/[\u17DC\u200B\u2060\uFEFF]/g, ''))) {
    if (/^\s+$/.test(segment)) tokens.push(ownSpace, notText)
    else
      for (const piece of segment.match(wordOrNot) ?? [])
        tokens.push(...(khmerRun.test(piece) && hasKhmer(piece) ? indexedWord(piece) : [piece, notText]))
  }
  return tokens.join(' ')
}

/** A Khmer word as indexed: itself ended by `wordEnd`, then its inner parts from syllable starts, each ended so. */
function indexedWord(word: string): [string, string] {
  const parts = syllableStarts(word)
    .map((start) => word.slice(start))
    .filter((part) => part.length > 1 && hasKhmer(part))
  return [word + wordEnd, notText + parts.map((part) => part + wordEnd).join('-')]
}
