// Where a story published since the last full build shows its card on the served site: on each of
// its lists, the page where its address falls in order; on the home page only among the first; an
// empty list's page from its increment; and the served page with the cards put in.
import { describe, expect, it } from 'vitest'
import type { AddedStory } from '../../../site/build/incrementReport.ts'
import type { BuiltStory } from '../../../site/build/siteBuildReport.ts'
import { cardsByPage, pageChanges, withAddedCards } from '../../../site/live/addedCards.ts'

const built = (lists: string[]): BuiltStory => ({ pages: [], lists, sitemap: [], fragments: [], media: [] })
const card = (slug: string) => `<li class="story-card" data-story="${slug}"><h2>${slug}</h2></li>`
const added = (slug: string, pages: string[]): AddedStory => ({
  id: `testimony-${slug}`,
  slug,
  story: built(pages),
  cards: Object.fromEntries(pages.map((page) => [page, card(slug)])),
})
// Two pages of two cards on the story list, the home page showing six.
const served = cardsByPage({
  apple: built(['/en/stories/', '/en/']),
  cherry: built(['/en/stories/', '/en/']),
  fig: built(['/en/stories/page/2/', '/en/']),
  kiwi: built(['/en/stories/page/2/', '/en/']),
  lime: built(['/en/']),
  mango: built(['/en/']),
  pear: built([]),
})

describe('where an added story’s card goes', () => {
  it('is the list’s page where its address falls among the others', () => {
    const changes = pageChanges(added('banana', ['/en/stories/']), served)
    expect(changes.get('/en/stories/')).toEqual({
      kind: 'card',
      splice: { slug: 'banana', html: card('banana'), drops: null },
    })
    const later = pageChanges(added('grape', ['/en/stories/']), served)
    expect([...later.keys()]).toEqual(['/en/stories/page/2/'])
    expect([...pageChanges(added('plum', ['/en/stories/']), served).keys()]).toEqual(['/en/stories/page/2/'])
    expect([...pageChanges(added('aardvark', ['/en/stories/']), served).keys()]).toEqual(['/en/stories/'])
  })

  it('is the home page only if it is among the first six, the sixth then leaving', () => {
    expect(pageChanges(added('banana', ['/en/']), served).get('/en/')).toMatchObject({ splice: { drops: 'mango' } })
    expect(pageChanges(added('nectarine', ['/en/']), served).has('/en/')).toBe(false)
  })

  it('is its increment’s own page for a list that showed no story, and nowhere on lessons or ceremonies', () => {
    const changes = pageChanges(added('banana', ['/en/themes/hunger/', '/en/ceremonies/', '/en/lessons/one/']), served)
    expect([...changes.entries()]).toEqual([['/en/themes/hunger/', { kind: 'page' }]])
  })
})

describe('a served page with added cards', () => {
  const page = `<ul class="story-list">${card('apple')}${card('cherry')}</ul>`
  const shown = (html: string) => [...html.matchAll(/data-story="([a-z]+)"/g)].map((match) => match[1])
  it('shows each card where its address falls, whatever the order they came in', () => {
    const html = withAddedCards(page, [
      { slug: 'date', html: card('date'), drops: null },
      { slug: 'banana', html: card('banana'), drops: null },
      { slug: 'aardvark', html: card('aardvark'), drops: null },
      { slug: 'blueberry', html: card('blueberry'), drops: null },
    ])
    expect(shown(html)).toEqual(['aardvark', 'apple', 'banana', 'blueberry', 'cherry', 'date'])
  })

  it('no longer shows the card an added one takes the place of', () => {
    expect(shown(withAddedCards(page, [{ slug: 'banana', html: card('banana'), drops: 'cherry' }]))).toEqual(['apple', 'banana'])
  })
})
