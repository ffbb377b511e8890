// The live site as a reader's browser asks it: a page's status and text, and the stories whose cards
// a page shows (StoryCard.astro marks each with `data-story`), for the live-site tests.

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
