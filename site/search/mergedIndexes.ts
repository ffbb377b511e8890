// The lists of indexes the search page merges into the site's own (Pagefind's mergeIndex) before its
// first search: the parts of a large archive's index (searchParts.ts) and the small indexes of the
// stories published since the last full build (searchAdditions.ts). Both are listed by language, and
// the page merges only its own language's: Pagefind answers a page in a language an index lacks from
// the language that index has most pages of, so an English-only index merged into the Khmer page would
// find English words there.
// No zod here: the search page imports this file, and every byte of it is fetched before a first search.

/** A list's form: index addresses by language (`{"km": ["/pagefind-part-1/"], "en": [...]}`). */
export type IndexesByLanguage = Record<string, string[]>

const mergeable = /^\/(pagefind-part-[1-9][0-9]*|pagefind-additions\/[a-z0-9-]+)\/$/

/** The indexes of one language as the search page reads them from a list: addresses on this site; anything else is left out. */
export const indexesInLanguage = (list: unknown, language: string): string[] => {
  const paths: unknown = typeof list === 'object' && list !== null && !Array.isArray(list) ? Reflect.get(list, language) : null
  return Array.isArray(paths) ? paths.filter((item): item is string => typeof item === 'string' && mergeable.test(item)) : []
}

/** A list of indexes by language, from each index's address and the languages it holds. */
export function listedByLanguage(indexes: ReadonlyArray<{ path: string; languages: ReadonlyArray<string> }>): IndexesByLanguage {
  const list: IndexesByLanguage = {}
  for (const { path, languages } of indexes) for (const language of languages) list[language] = [...(list[language] ?? []), path]
  return list
}
