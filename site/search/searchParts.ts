// A large archive's search index is written in parts, each by a Pagefind process of its own, one
// after the other: Pagefind holds every record of an index in memory until it writes it (about
// 0.4 MB a record with the Khmer search tokens; 14.7 GB at 20,000 stories in one index). The first
// part is the site's `pagefind/`; the others are listed in one file, which the search page reads and
// merges into the first (mergeIndex, which shares the first part's WebAssembly) before its first search.
// No zod here: the search page imports this file, and every byte of it is fetched before a first search.

/** Records per part: about 2 GB of Pagefind's memory each; an archive of up to about 2,400 stories is one part. */
export const recordsPerSearchPart = 5_000

/** The list's file in a build, and its address. */
export const searchPartsList = 'pagefind/parts.json'

/** A part's folder in a build, and its address: the first part is `pagefind/` itself. */
export const searchPartFolder = (part: number) => (part === 0 ? 'pagefind' : `pagefind-part-${part}`)

const partPath = /^\/pagefind-part-[1-9][0-9]*\/$/

/** The list as the search page reads it: part addresses on this site; anything else is left out. */
export const searchPartIndexes = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && partPath.test(item)) : []

/** Whether a site address is a search fragment of a full build's index or of an addition's. */
export const isSearchFragment = (path: string): boolean =>
  /^\/(pagefind|pagefind-part-[1-9][0-9]*|pagefind-additions\/[a-z0-9-]+)\/fragment\//.test(path)
