// The tokens indexed after the spaced copy of a Khmer text (after the mark, never shown): an
// abbreviation or a number written with dots or commas, without them (អ.វ.ត.ក as អវតក), and from each
// syllable start in it (១,៧លាន in ប្រហែល១,៧លាន), since Pagefind drops the punctuation a reader types
// and the spaced copy keeps the pieces apart.
import { khmerWordCharacters } from './khmerWords.ts'
import { syllableStarts } from './khmerSyllables.ts'
import { wordEnd } from './searchMarks.ts'

const dotted = new RegExp(`[${khmerWordCharacters}]+(?:[.,][${khmerWordCharacters}]+)+`, 'g')

/** Every token of a text (title and text together), each ended by `wordEnd`, each once. */
export function searchTokens(text: string): string[] {
  const joined = [...text.matchAll(dotted)].map(([written]) => written.replace(/[.,]/g, ''))
  const tokens = joined.flatMap((run) => [0, ...syllableStarts(run)].map((start) => run.slice(start)).filter((token) => token.length > 1))
  return [...new Set(tokens.map((token) => token + wordEnd))]
}
