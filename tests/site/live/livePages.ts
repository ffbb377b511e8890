// The live site as a reader's browser asks it: a page's status and text, the stories whose cards
// a page shows (StoryCard.astro marks each with `data-story`), and a search, for the live-site tests.
import type { Page } from 'playwright-core'

/** A page of the live site on `port`, as fetched. */
export async function livePage(port: number, path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`)
  return { status: response.status, text: await response.text() }
}

/** The stories whose cards this HTML shows, in its order. */
export const cardsIn = (html: string): string[] => [...html.matchAll(/data-story="([a-z0-9-]+)"/g)].flatMap((match) => match[1] ?? [])

/** The cards in one ceremony's section of the ceremonies page. */
export function ceremonySectionCards(html: string, ceremonyId: string): string[] {
  const start = html.indexOf(`id="${ceremonyId}"`)
  return cardsIn(html.slice(start, html.indexOf('</section>', start)))
}

/** Story addresses in the order a list shows them. */
export const inAddressOrder = (slugs: ReadonlyArray<string>): string[] => [...slugs].sort((a, b) => a.localeCompare(b))

/** The addresses the live site's search page on `port` finds for `query`, typed and sent as a reader does. */
export async function liveSearch(page: Page, port: number, query: string, language: 'en' | 'km' = 'en'): Promise<string[]> {
  await page.goto(`http://127.0.0.1:${port}/${language}/search/`)
  await page.fill('#search-query', query)
  await page.click('#search button[type=submit]')
  await page.waitForFunction((typed) => document.getElementById('search-results')?.dataset.query === typed, query)
  return page.$$eval('#search-results li a', (links) => links.map((link) => link.getAttribute('href') ?? ''))
}
