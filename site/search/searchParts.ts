// A large archive's search index is written in parts, each by a Pagefind process of its own, one
// after the other: Pagefind holds every record of an index in memory until it writes it (14.7 GB at
// 20,000 stories in one index; about 3.3 GB for a part of 5,000 Khmer records). The first part is
// the site's `pagefind/`, with every language; the others hold one language each, listed by language
// in one file, which the search page reads and merges into the first (mergedIndexes.ts; mergeIndex
// shares the first part's WebAssembly) before its first search.
// No zod here: the search page imports this file, and every byte of it is fetched before a first search.

export interface SearchPartSizes {
  /** Records written as one index; above, in parts. */
  oneIndexUpTo: number
  /** Records a part, at most. */
  perPart: number
}

/**
 * One index up to about 5,200 stories: a part costs each search an index chunk, and one index of
 * 10,000 records took Pagefind to 3.9 GB, under the 6 GB budget with the build's own process.
 * Above, parts of 5,000: about 3.3 GB of Pagefind's memory for Khmer stories, 2.5 GB for English.
 */
export const searchPartSizes: SearchPartSizes = { oneIndexUpTo: 10_500, perPart: 5_000 }

/** The list's file in a build, and its address. */
export const searchPartsList = 'pagefind/parts.json'

/** A part's folder in a build, and its address: the first part is `pagefind/` itself. */
export const searchPartFolder = (part: number) => (part === 0 ? 'pagefind' : `pagefind-part-${part}`)

/** Whether a path in a build (`pagefind/…`, `pagefind-part-N/…`, with or without a leading slash) is in one of its index's parts. */
export const inSearchIndex = (path: string): boolean => /^\/?pagefind(-part-[1-9][0-9]*)?\//.test(path)

/**
 * The records of each part: one part up to `oneIndexUpTo`; otherwise the first holds every record
 * that is not a story's (lessons, themes, the glossary) and an even share of each language's stories,
 * so that it has every language, and the other parts one language each, none over `perPart`.
 */
export function searchPartRecords<R extends { language: string; story?: string }>(
  records: ReadonlyArray<R>,
  { oneIndexUpTo, perPart }: SearchPartSizes,
): Array<{ records: R[]; language: string | null }> {
  if (records.length <= oneIndexUpTo) return [{ records: [...records], language: null }]
  const others = records.filter((record) => !record.story)
  const languages = [...new Set(records.map((record) => record.language))]
  const share = Math.max(1, Math.floor((perPart - others.length) / languages.length))
  const first = { records: [...others], language: null }
  const rest: Array<{ records: R[]; language: string }> = []
  for (const language of languages) {
    const stories = records.filter((record) => record.story && record.language === language)
    first.records.push(...stories.slice(0, share))
    const left = stories.slice(share)
    const parts = Math.ceil(left.length / perPart)
    const size = Math.ceil(left.length / Math.max(1, parts))
    for (let start = 0; start < left.length; start += size) rest.push({ records: left.slice(start, start + size), language })
  }
  return [first, ...rest]
}

/** Whether a site address is a search fragment of a full build's index or of an addition's. */
export const isSearchFragment = (path: string): boolean =>
  /^\/(pagefind|pagefind-part-[1-9][0-9]*|pagefind-additions\/[a-z0-9-]+)\/fragment\//.test(path)
