// The tokens indexed after the spaced copy of a Khmer text, so that Pagefind's prefix match finds
// what a reader types even where ICU cut the text otherwise: from each word start and each syllable
// start inside a word, the rest of that word and the next one (អាហារ in ការអត់អាហារ, ធ្វើជា across
// ធ្វើ | ជា); and an abbreviation or number without its dots and commas (អ.វ.ត.ក as អវតក).
import { hasKhmer, khmerWordCharacters, wordsOf } from './khmerWords.ts'
import { wordEnd } from './searchMarks.ts'

const runs = new RegExp(`[${khmerWordCharacters}]+`, 'g')
const dotted = new RegExp(`[${khmerWordCharacters}]+(?:[.,][${khmerWordCharacters}]+)+`, 'g')

/**
 * Where a Khmer syllable may start, by a rule of thumb: a consonant or independent vowel that is not
 * written under a coeng and not silenced by a bantoc, or the first of a run of digits. Some cuts fall
 * after a final consonant; those tokens cost a little index and match nothing a reader types, while
 * a missed cut would hide a word.
 */
export function syllableStarts(word: string): number[] {
  const starts: number[] = []
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i)
    const before = word.charCodeAt(i - 1)
    const base = code >= 0x1780 && code <= 0x17b3 && before !== 0x17d2 && word.charCodeAt(i + 1) !== 0x17cb
    const digits = code >= 0x17e0 && code <= 0x17e9 && !(before >= 0x17e0 && before <= 0x17e9)
    if (base || digits) starts.push(i)
  }
  return starts
}

/** Every token of a text (title and text together), each ended by `wordEnd`, each once. */
export function searchTokens(text: string): string[] {
  const tokens = new Set<string>()
  for (const [run] of text.matchAll(runs)) {
    const words = wordsOf(run)
    let start = 0
    words.forEach((word, index) => {
      const end = start + word.length + (words[index + 1]?.length ?? 0)
      for (const cut of [0, ...syllableStarts(word)]) {
        const token = run.slice(start + cut, end)
        if (token.length > 1 && hasKhmer(token) && (cut > 0 || index + 1 < words.length)) tokens.add(token + wordEnd)
      }
      start += word.length
    })
  }
  for (const [written] of text.matchAll(dotted)) tokens.add(written.replace(/[.,]/g, '') + wordEnd)
  return [...tokens]
}
