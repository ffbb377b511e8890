// The invisible characters the Khmer index is written with, shared by the build (searchIndex.ts) and
// the search page, which removes them again before showing a title or an excerpt (khmer-search.md).

/** Separates the indexed text from the search tokens after it (excerpts are taken before it). */
export const endingsMark = '\u205C'

/**
 * The text's own spaces are kept in the index as a word of one invisible separator (U+2063): Pagefind
 * turns every kind of space into a plain one, and excerpts must tell the text's spaces from added ones.
 */
export const ownSpace = '\u2063'

/**
 * Begins every token that is not text: the token after each word that holds its inner parts, and the
 * empty token after every other one, so that each word takes two positions and starts at an even one
 * (khmerQuery.ts reads positions). Pagefind indexes no word of it (it is no letter) but counts it.
 */
export const notText = '\u2064'

/**
 * Ends every indexed Khmer word (U+17DC, an obsolete sign, is dropped from the text). Pagefind falls
 * back to the longest indexed word that begins a query when no word begins with the query, so a long
 * misspelt query matched a one-letter word; no indexed word is a prefix of a query that lacks this
 * letter, so the fallback never matches, while a query still matches every word it begins.
 */
export const wordEnd = '\u17DC'

/**
 * Khmer signs that are not letters to Pagefind (the coeng, the bantoc and other diacritics): without
 * them in its `includeCharacters`, it drops them from the words it keeps, and ខញុំ matched ខ្ញុំ.
 */
export const khmerSigns = String.fromCodePoint(...Array.from({ length: 0x17d4 - 0x17b4 }, (_, i) => 0x17b4 + i), 0x17dd)

/** What the search page tells Pagefind: keep the marks of a query, so that a vowel sign makes another word. */
export const searchOptions = { exactDiacritics: true } as const
