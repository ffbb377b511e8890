// The search indexes of stories published since the site's last full build: the live site serves
// each story's small index under its own address and lists them in one file, which the search page
// reads and merges into Pagefind's (mergeIndex) before its first search. A full build lists none.
// No zod here: the search page imports this file, and every byte of it is fetched before a first search.

/** The list's file in a build, and its address. */
export const additionsList = 'pagefind/additions.json'

/** Where a story's small index is served. */
export const additionIndexPath = (slug: string) => `/pagefind-additions/${slug}/`

const indexPath = /^\/pagefind-additions\/[a-z0-9-]+\/$/

/** The list as the search page reads it: index addresses on this site; anything else is left out. */
export const additionIndexes = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && indexPath.test(item)) : []
