// Story lists cut into pages, and the pager's links.
import { describe, expect, it } from 'vitest'
import { listingPages, pageAddress, pageParam, pagerNumbers } from '../../site/content/storyListing.ts'

describe('a story list in pages', () => {
  it('cuts the list into pages of the given size, the last one shorter', () => {
    const pages = listingPages(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3)
    expect(pages.map((page) => page.items)).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']])
    expect(pages.map((page) => [page.page, page.pages])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ])
  })

  it('keeps one empty page for an empty list, so its address still answers', () => {
    expect(listingPages([], 24)).toEqual([{ items: [], page: 1, pages: 1 }])
  })

  it('puts page 1 at the list’s own address and the others under page/<n>/', () => {
    expect([pageParam(1), pageParam(2)]).toEqual([undefined, 'page/2'])
    expect([pageAddress('/km/stories/', 1), pageAddress('/km/stories/', 12)]).toEqual(['/km/stories/', '/km/stories/page/12/'])
  })

  it('links the first, the last and two pages either side of the current one, with gaps marked', () => {
    expect(pagerNumbers(1, 1)).toEqual([1])
    expect(pagerNumbers(1, 4)).toEqual([1, 2, 3, 4])
    expect(pagerNumbers(10, 209)).toEqual([1, null, 8, 9, 10, 11, 12, null, 209])
    expect(pagerNumbers(209, 209)).toEqual([1, null, 207, 208, 209])
  })
})
