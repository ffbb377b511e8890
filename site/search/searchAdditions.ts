// The search indexes of stories published since the site's last full build: the live site serves
// each story's small index under its own address and lists them by language in one file, which the
// search page reads and merges into Pagefind's (mergedIndexes.ts) before its first search. A full
// build lists none.
// No zod here: the search page imports this file, and every byte of it is fetched before a first search.

/** The list's file in a build, and its address. */
export const additionsList = 'pagefind/additions.json'

/** Where a story's small index is served. */
export const additionIndexPath = (slug: string) => `/pagefind-additions/${slug}/`
