// A list of stories cut into pages, so that a phone on a slow connection loads a few dozen cards,
// not the whole archive: page 1 at the list's own address, the others at `page/<n>/` below it.
import type { Language } from '../../core/index.ts'
import type { Theme } from './theme.ts'

export interface ListingPage<T> {
  items: T[]
  /** 1-based. */
  page: number
  pages: number
}

/** How many stories the home page shows, the first of those told in its language. */
export const homePageStories = 6

/** The pages of a list; an empty list still has its first page (which says there is nothing). */
export function listingPages<T>(items: ReadonlyArray<T>, perPage: number): ListingPage<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / perPage))
  return Array.from({ length: pages }, (_, index) => ({
    items: items.slice(index * perPage, (index + 1) * perPage),
    page: index + 1,
    pages,
  }))
}

/** The rest parameter of a list page's route: none for the first page, `page/<n>` for the others. */
export const pageParam = (page: number): string | undefined => (page === 1 ? undefined : `page/${page}`)

/** The address of a list's page under the list's own address. */
export const pageAddress = (listAddress: string, page: number): string => (page === 1 ? listAddress : `${listAddress}page/${page}/`)

/**
 * The page numbers a pager links to: the first, the last, and two either side of the current one;
 * null marks a gap. A reader can step through or jump to either end in one tap.
 */
export function pagerNumbers(page: number, pages: number): Array<number | null> {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b)
  return shown.flatMap((n, index) => (index > 0 && n - (shown[index - 1] ?? n) > 1 ? [null, n] : [n]))
}

/** What a story list is narrowed to: a theme, a language the stories can be read in, both or neither. */
export interface ListingFilter {
  theme: Theme | null
  told: Language | null
}

/**
 * Astro's static paths for every page of every list named by `filters`, in each site language:
 * `paramsOf` gives a list's own route parameters, the pages get `page`.
 */
export function listingStaticPaths<Story>(options: {
  languages: ReadonlyArray<Language>
  filters: ReadonlyArray<ListingFilter>
  storiesOf: (filter: ListingFilter) => ReadonlyArray<Story>
  perPage: number
  paramsOf: (filter: ListingFilter) => Record<string, string>
}) {
  return options.languages.flatMap((lang) =>
    options.filters.flatMap((filter) =>
      listingPages(options.storiesOf(filter), options.perPage).map((listing) => ({
        params: { lang, ...options.paramsOf(filter), page: pageParam(listing.page) },
        props: { filter, listing },
      })),
    ),
  )
}
