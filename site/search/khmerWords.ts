// Khmer has no spaces between words; Pagefind matches word prefixes. So the indexed copy splits the
// text into words with ICU's dictionary (Intl.Segmenter), and adds each compound's endings cut at
// syllable starts, so that an inner word (អាហារ in ការអត់អាហារ) is found too (khmer-search.md).
const segmenter = new Intl.Segmenter('km', { granularity: 'word' })
const khmerLetter = /[\u1780-\u17FF\u19E0-\u19FF]/
/** Separates the indexed text from the compound endings after it (excerpts are taken before it). */
export const endingsMark = '\u205C'
/**
 * The text's own spaces are kept in the index as a word of one invisible separator (U+2063): Pagefind
 * turns every kind of space into a plain one, and excerpts must tell the text's spaces from added ones.
 */
export const ownSpace = '\u2063'

export function hasKhmer(text: string): boolean {
  return khmerLetter.test(text)
}

export function khmerWords(text: string): string[] {
  return [...segmenter.segment(text)].filter((part) => part.isWordLike && hasKhmer(part.segment)).map((part) => part.segment)
}

/** The text with a plain space between Khmer words and ` U+2063 ` where the text itself had a space. */
export function spacedKhmer(text: string): string {
  const parts: string[] = []
  for (const { segment } of segmenter.segment(text)) {
    if (/^\s+$/.test(segment)) parts.push(ownSpace)
    else parts.push(segment)
  }
  return parts
    .join(' ')
    .replace(/ ([^\u1780-\u17FF\u19E0-\u19FF\w\u2063])/g, '$1')
    .replace(/([([{«“‘]) /g, '$1')
}

/**
 * Where a Khmer syllable may start, by a rule of thumb: a consonant or independent vowel that is not
 * written under a coeng and not silenced by a bantoc. Some cuts fall after a final consonant; those
 * endings cost a little index and match nothing a reader types, while a missed cut would hide a word.
 */
function syllableStarts(word: string): number[] {
  const starts: number[] = []
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i)
    const before = word.charCodeAt(i - 1)
    const base = code >= 0x1780 && code <= 0x17b3
    if (base && before !== 0x17d2 && word.charCodeAt(i + 1) !== 0x17cb) starts.push(i)
  }
  return starts
}

/** The endings of a compound word at each inner syllable start, e.g. ការអត់អាហារ → អត់អាហារ, អាហារ. */
export function compoundEndings(word: string): string[] {
  return syllableStarts(word)
    .map((start) => word.slice(start))
    .filter((ending) => ending.length > 1)
}
