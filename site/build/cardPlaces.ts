// A story's card as its increment's pages show it, and where it goes on the served pages that are
// not one list in address order (the ceremonies page, a lesson), for the live site (addedCards.ts).
// Read from the HTML that StoryCard.astro and the pages write; a page that no longer writes it so
// fails the increment loudly rather than put a card in the wrong place.
import type { Language } from '../../core/index.ts'
import type { SiteContent } from '../content/siteContent.ts'
import { routes, siteLanguages } from '../i18n/routes.ts'
import type { CardPlace } from './incrementReport.ts'

/** A story's card on a page, as StoryCard.astro writes it: one `<li class="story-card" data-story=…>` with no list inside. */
export function cardOf(html: string, slug: string): string {
  const start = cardStart(html, slug)
  const end = start < 0 ? -1 : html.indexOf('</li>', start)
  if (end < 0) throw new Error(`The increment's page shows no whole card of ${slug}; StoryCard.astro and the live site disagree.`)
  return html.slice(start, end + '</li>'.length)
}

const cardStart = (html: string, slug: string) => html.indexOf(`<li class="story-card" data-story="${slug}"`)
const ceremoniesPage = new Set(siteLanguages.map((language) => routes.ceremonies(language)))

/** Where the card on this page of the increment goes on the served page, if the page is not one list in address order. */
export function cardPlace(input: {
  path: string
  html: string
  slug: string
  lessons: SiteContent['lessons']
  lessonOrder: ReadonlyMap<string, ReadonlyArray<string>>
}): CardPlace | null {
  if (ceremoniesPage.has(input.path)) return { section: ceremonySection(input.html, input.slug) }
  const lesson = input.lessons.find((each) => siteLanguages.some((language: Language) => routes.lesson(language, each.slug) === input.path))
  return lesson ? { order: [...(input.lessonOrder.get(lesson.slug) ?? [])] } : null
}

/** The ceremony section (Ceremonies page) that holds the card, and its list of stories with the heading before it. */
function ceremonySection(html: string, slug: string): { id: string; list: string } {
  const card = cardStart(html, slug)
  const start = html.lastIndexOf('<section class="ceremony"', card)
  const id = /^<section class="ceremony"[^>]*\bid="([^"]+)"/.exec(html.slice(start))?.[1]
  const heading = html.indexOf('<h3', start)
  const end = html.indexOf('</ul>', card)
  if (card < 0 || start < 0 || !id || heading < 0 || heading > card || end < 0)
    throw new Error(
      `The increment's ceremonies page shows no ceremony section around ${slug}'s card; ceremonies.astro and the live site disagree.`,
    )
  return { id, list: html.slice(heading, end + '</ul>'.length) }
}
