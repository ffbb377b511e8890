// Where a Khmer syllable may start inside a word, shared by the index (each word's inner parts) and
// the search page (where a query may run from one word into the next). No Node APIs.

/**
 * By a rule of thumb: a consonant or independent vowel that is not written under a coeng and not
 * silenced by a bantoc, or the first of a run of digits. Some cuts fall after a final consonant;
 * those parts cost a little index and match nothing a reader types, while a missed cut would hide a word.
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
