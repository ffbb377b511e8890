// Where a story published since the last full build shows its card on the served site: on each of
// its lists, the page where its address falls in order; on the home page only among the first; an
// empty list's page from its increment; on the ceremonies page in its ceremony's section; on a lesson
// in the lesson's order; and the served page with the cards put in.
import { describe, expect, it } from 'vitest'
import type { AddedStory } from '../../../site/build/incrementReport.ts'
import type { BuiltStory } from '../../../site/build/siteBuildReport.ts'
import { cardsByPage, pageChanges, withAddedCards } from '../../../site/live/addedCards.ts'

const built = (lists: string[]): BuiltStory => ({ pages: [], lists, sitemap: [], fragments: [], media: [] })
const card = (slug: string) => `<li class="story-card" data-story="${slug}"><h2>${slug}</h2></li>`
const added = (slug: string, pages: string[], places: AddedStory['places'] = {}): AddedStory => ({
  id: `testimony-${slug}`,
  slug,
  story: built(pages),
  searchLanguages: ['en'],
  cards: Object.fromEntries(pages.map((page) => [page, card(slug)])),
  places,
})
// The served build's testimonies and their addresses.
const slugOf = (id: string) =>
  new Map([...'apple cherry fig kiwi lime mango pear'.split(' ')].map((slug) => [`testimony-${slug}`, slug])).get(id)
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
    const changes = pageChanges(added('banana', ['/en/stories/']), served, slugOf)
    expect(changes.get('/en/stories/')).toEqual({
      kind: 'card',
      splice: { slug: 'banana', html: card('banana'), drops: null },
    })
    const later = pageChanges(added('grape', ['/en/stories/']), served, slugOf)
    expect([...later.keys()]).toEqual(['/en/stories/page/2/'])
    expect([...pageChanges(added('plum', ['/en/stories/']), served, slugOf).keys()]).toEqual(['/en/stories/page/2/'])
    expect([...pageChanges(added('aardvark', ['/en/stories/']), served, slugOf).keys()]).toEqual(['/en/stories/'])
  })

  it('is the home page only if it is among the first six, the sixth then leaving', () => {
    expect(pageChanges(added('banana', ['/en/']), served, slugOf).get('/en/')).toMatchObject({ splice: { drops: 'mango' } })
    expect(pageChanges(added('nectarine', ['/en/']), served, slugOf).has('/en/')).toBe(false)
  })

  it('is its increment’s own page for a list that showed no story', () => {
    const changes = pageChanges(added('banana', ['/en/themes/hunger/']), served, slugOf)
    expect([...changes.entries()]).toEqual([['/en/themes/hunger/', { kind: 'page' }]])
  })

  it('is its ceremony’s section on the ceremonies page, and its place in a lesson’s own order', () => {
    const section = { id: 'ceremony-2', list: `<h3>Stories read</h3><ul class="story-list">${card('banana')}</ul>` }
    const lesson = { order: ['testimony-kiwi', 'testimony-banana', 'testimony-unpublished', 'testimony-apple'] }
    const changes = pageChanges(
      added('banana', ['/en/ceremonies/', '/en/lessons/one/'], { '/en/ceremonies/': { section }, '/en/lessons/one/': lesson }),
      served,
      slugOf,
    )
    expect(changes.get('/en/ceremonies/')).toEqual({ kind: 'card', splice: { slug: 'banana', html: card('banana'), drops: null, section } })
    expect(changes.get('/en/lessons/one/')).toEqual({
      kind: 'card',
      splice: { slug: 'banana', html: card('banana'), drops: null, order: ['kiwi', 'banana', 'apple'] },
    })
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

  it('follows a lesson’s own order, also in a lesson that showed no story', () => {
    const lesson = `<h2>Stories</h2><ul class="story-list">${card('kiwi')}${card('apple')}</ul><p>After</p>`
    const order = ['kiwi', 'banana', 'apple', 'cherry']
    expect(shown(withAddedCards(lesson, [{ slug: 'banana', html: card('banana'), drops: null, order }]))).toEqual([
      'kiwi',
      'banana',
      'apple',
    ])
    expect(shown(withAddedCards(lesson, [{ slug: 'cherry', html: card('cherry'), drops: null, order }]))).toEqual([
      'kiwi',
      'apple',
      'cherry',
    ])
    const empty = withAddedCards('<h2>Stories</h2><ul class="story-list"></ul>', [
      { slug: 'banana', html: card('banana'), drops: null, order },
    ])
    expect(empty).toBe(`<h2>Stories</h2><ul class="story-list">${card('banana')}</ul>`)
  })

  it('puts a card in its ceremony’s section only, with the section’s list where it showed none', () => {
    const ceremony = (id: string, cards: string[]) =>
      `<section class="ceremony" id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${id}</h2>` +
      (cards.length > 0 ? `<h3>Stories read</h3><ul class="story-list">${cards.map(card).join('')}</ul>` : '') +
      '</section>'
    const ceremonies = ceremony('ceremony-1', ['apple', 'fig']) + ceremony('ceremony-2', []) + ceremony('ceremony-3', ['cherry'])
    const into = (id: string) => ({ id, list: `<h3>Stories read</h3><ul class="story-list">${card('banana')}</ul>` })
    expect(withAddedCards(ceremonies, [{ slug: 'banana', html: card('banana'), drops: null, section: into('ceremony-1') }])).toBe(
      ceremony('ceremony-1', ['apple', 'banana', 'fig']) + ceremony('ceremony-2', []) + ceremony('ceremony-3', ['cherry']),
    )
    expect(withAddedCards(ceremonies, [{ slug: 'banana', html: card('banana'), drops: null, section: into('ceremony-2') }])).toBe(
      ceremony('ceremony-1', ['apple', 'fig']) + ceremony('ceremony-2', ['banana']) + ceremony('ceremony-3', ['cherry']),
    )
    // A ceremony published after the full build is not on the served page: the card waits for the rebuild.
    expect(withAddedCards(ceremonies, [{ slug: 'banana', html: card('banana'), drops: null, section: into('ceremony-9') }])).toBe(
      ceremonies,
    )
  })

  it('no longer shows the card an added one takes the place of', () => {
    expect(shown(withAddedCards(page, [{ slug: 'banana', html: card('banana'), drops: 'cherry' }]))).toEqual(['apple', 'banana'])
  })
})
