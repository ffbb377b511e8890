// Where the card of a story published since the last full build goes on the served site, and a page
// with it, as pure functions over the builds' reports: on each story list it belongs to, the list's
// page where its address falls in order (the lists are in address order, contentLoader.ts), which
// holds one card more until the full rebuild; on the home page if it is among the first shown; on the
// ceremonies page in its ceremony's section; on a lesson in the lesson's order. An empty list's page
// is the increment's own.
import type { AddedStory, CardPlace } from '../build/incrementReport.ts'
import type { BuiltStory } from '../build/siteBuildReport.ts'
import { homePageStories } from '../content/storyListing.ts'
import { withoutCards } from './withdrawnFilter.ts'

/** A card put on a served page, where its address falls among the page's cards. */
export interface CardSplice {
  slug: string
  html: string
  /** A card the page then no longer shows (the home page shows a fixed number). */
  drops: string | null
  /** The page's section it goes in (a ceremony's), and that section's list with it, for a section that shows none. */
  section?: { id: string; list: string }
  /** The addresses of the list's stories in the order it shows them, where that is not the address order (a lesson's). */
  order?: ReadonlyArray<string>
}

/** What an added story changes on a served page: a card put in, or the whole page taken from its increment. */
export type PageChange = { kind: 'card'; splice: CardSplice } | { kind: 'page' }

const inOrder = (a: string, b: string) => a.localeCompare(b)
const storyList = /^\/(km|en)\/(stories|languages\/(km|en)|themes\/[a-z0-9-]+|themes\/[a-z0-9-]+\/languages\/(km|en))\/$/
const homePages = new Set(['/', '/km/', '/en/'])

/** The served build's story cards by page, in the order shown. */
export function cardsByPage(built: Readonly<Record<string, BuiltStory>>): Map<string, string[]> {
  const pages = new Map<string, string[]>()
  for (const [slug, story] of Object.entries(built))
    for (const path of story.lists) {
      const cards = pages.get(path)
      if (cards) cards.push(slug)
      else pages.set(path, [slug])
    }
  for (const cards of pages.values()) cards.sort(inOrder)
  return pages
}

/** The story cards a page shows, by its path. */
export type ShownCards = Pick<ReadonlyMap<string, ReadonlyArray<string>>, 'get'>

/** The served pages an added story changes, by path; `slugOf` names the address of a testimony's story on the site. */
export function pageChanges(
  added: AddedStory,
  shown: ShownCards,
  slugOf: (testimonyId: string) => string | undefined,
): Map<string, PageChange> {
  const changes = new Map<string, PageChange>()
  for (const [path, html] of Object.entries(added.cards)) {
    const place = added.places[path]
    if (place) {
      changes.set(path, { kind: 'card', splice: { slug: added.slug, html, drops: null, ...placeOf(place, added, slugOf) } })
      continue
    }
    const landing = homePages.has(path)
      ? onHomePage(path, added.slug, shown.get(path) ?? [])
      : storyList.test(path)
        ? onList(path, added.slug, shown)
        : null
    if (!landing) continue
    if (landing === 'page') changes.set(path, { kind: 'page' })
    else changes.set(landing.path, { kind: 'card', splice: { slug: added.slug, html, drops: landing.drops } })
  }
  return changes
}

function placeOf(place: CardPlace, added: AddedStory, slugOf: (testimonyId: string) => string | undefined) {
  if (place.section) return { section: place.section }
  const order = (place.order ?? []).flatMap((id) => [id === added.id ? added.slug : slugOf(id)].filter((slug) => slug !== undefined))
  return { order }
}

type Landing = 'page' | { path: string; drops: string | null }

function onHomePage(path: string, slug: string, cards: ReadonlyArray<string>): Landing | null {
  if (cards.length === 0) return 'page'
  if (cards.length < homePageStories) return { path, drops: null }
  const last = cards.at(-1)
  return last && inOrder(slug, last) < 0 ? { path, drops: last } : null
}

function onList(list: string, slug: string, shown: ShownCards): Landing {
  const pages: Array<{ path: string; cards: ReadonlyArray<string> }> = []
  for (let page = 1; ; page++) {
    const path = page === 1 ? list : `${list}page/${page}/`
    const cards = shown.get(path)
    if (!cards) break
    pages.push({ path, cards })
  }
  // The last page whose first card comes before it, or the first page.
  const landing = pages.findLast((page) => inOrder(page.cards[0] ?? '', slug) <= 0) ?? pages[0]
  if (!landing) return 'page'
  return { path: landing.path, drops: null }
}

/**
 * A served page with added stories' cards put in, each before the first card of its list that comes
 * after it (by address, or in the list's own order), in its section if it has one. A ceremony the
 * served page does not show yet gets its stories with the full rebuild.
 */
export function withAddedCards(html: string, splices: ReadonlyArray<CardSplice>): string {
  let page = html
  for (const splice of splices) {
    if (splice.drops) page = withoutCards(page, new Set([splice.drops]))
    const scope = splice.section ? sectionOf(page, splice.section.id) : { start: 0, end: page.length }
    if (scope) page = page.slice(0, scope.start) + withCard(page.slice(scope.start, scope.end), splice) + page.slice(scope.end)
  }
  return page
}

// As StoryCard.astro writes a card (builtPages.ts reads them so too), and the pages their lists.
const shownCard = /<li class="story-card" data-story="([a-z0-9-]+)"/g
const storyListStart = '<ul class="story-list"'

function withCard(part: string, splice: CardSplice): string {
  const comesAfter = splice.order ? byOrder(splice.order, splice.slug) : (shown: string) => inOrder(shown, splice.slug) > 0
  const after = [...part.matchAll(shownCard)].find((match) => comesAfter(match[1] ?? ''))
  let at = after ? after.index : lastCardEnd(part)
  if (at < 0) {
    const list = part.indexOf(storyListStart)
    at = list < 0 ? -1 : part.indexOf('>', list) + 1
  }
  if (at >= 0) return part.slice(0, at) + splice.html + part.slice(at)
  return splice.section ? part + splice.section.list : part
}

function byOrder(order: ReadonlyArray<string>, slug: string): (shown: string) => boolean {
  const position = (each: string) => (order.includes(each) ? order.indexOf(each) : order.length)
  return (shown) => position(shown) > position(slug)
}

/** The inside of a ceremony's section on the ceremonies page, up to its closing tag. */
function sectionOf(page: string, id: string): { start: number; end: number } | null {
  for (let start = page.indexOf('<section class="ceremony"'); start >= 0; start = page.indexOf('<section class="ceremony"', start + 1)) {
    const tag = page.slice(start, page.indexOf('>', start))
    const end = page.indexOf('</section>', start)
    if (tag.includes(` id="${id}"`) && end >= 0) return { start, end }
  }
  return null
}

function lastCardEnd(html: string): number {
  const start = html.lastIndexOf('<li class="story-card"')
  const end = start < 0 ? -1 : html.indexOf('</li>', start)
  return end < 0 ? -1 : end + '</li>'.length
}
