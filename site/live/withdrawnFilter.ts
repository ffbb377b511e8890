// The live site's fast path for a withdrawal, as pure functions over the build's report: what of a
// withdrawn story is refused (its own pages, its cards on the pages the report names, its sitemap
// entries, its search fragments), and a list page or the sitemap without its entries.
import type { BuiltStory } from '../build/siteBuildReport.ts'
import { sitemapEntry } from '../build/sitemap.ts'
import type { RemovedStory } from '../content/removedStory.ts'

/** Why a story is taken off, which its neutral page says: she withdrew it, or it is no longer available. */
export type RemovalReason = RemovedStory['reason']

export interface RefusedOutput {
  /** The stories taken off: none of what the served build or an increment made of them is served. */
  slugs: ReadonlySet<string>
  /** The stories published again since (a corrected text): their increment is served, not the served build's cards of them. */
  replaced: ReadonlySet<string>
  /** The withdrawn stories' own pages, by path, with their language and why (for the neutral page). */
  pages: ReadonlyMap<string, { language: 'km' | 'en'; reason: RemovalReason }>
  /** The paths of the pages showing a withdrawn story's card. */
  lists: ReadonlySet<string>
  sitemap: ReadonlySet<string>
  fragments: ReadonlySet<string>
  /** Their recordings' paths (`/media/<file>`). */
  media: ReadonlySet<string>
}

export const nothingRefused: RefusedOutput = {
  slugs: new Set(),
  replaced: new Set(),
  pages: new Map(),
  lists: new Set(),
  sitemap: new Set(),
  fragments: new Set(),
  media: new Set(),
}

/** What an increment made of a story taken off, and whether it started after she was taken off (her story published again). */
export interface AddedSince {
  story: BuiltStory
  republished: boolean
}

/**
 * What the site must not serve of these stories (by slug, with why): all that the served build and
 * their increment made of them; for a story published again since, only what the served build made
 * of her earlier text and the new increment does not hold (a language the new text no longer has, a
 * search fragment of the old words, an old recording), its old cards and sitemap entries giving way to the new.
 */
export function refusedOutput(
  built: Readonly<Record<string, BuiltStory>>,
  refused: ReadonlyMap<string, RemovalReason>,
  added: ReadonlyMap<string, AddedSince> = new Map(),
): RefusedOutput {
  const slugs = new Set<string>()
  const replaced = new Set<string>()
  const pages = new Map<string, { language: 'km' | 'en'; reason: RemovalReason }>()
  const lists = new Set<string>()
  const sitemap = new Set<string>()
  const fragments = new Set<string>()
  const media = new Set<string>()
  for (const [slug, reason] of refused) {
    const increment = added.get(slug)
    const republished = increment?.republished ? increment.story : null
    const made = [built[slug], republished ? undefined : increment?.story].filter((story) => story !== undefined)
    ;(republished ? replaced : slugs).add(slug)
    const newPages = new Set(republished?.pages.map((page) => page.path))
    for (const story of made) {
      for (const page of story.pages)
        if (!newPages.has(page.path)) pages.set(page.path, { language: page.language, reason: republished ? 'unavailable' : reason })
      for (const path of story.lists) lists.add(path)
      for (const url of story.sitemap) sitemap.add(url)
      for (const name of story.fragments) if (!republished?.fragments.includes(name)) fragments.add(name)
      for (const path of story.media) if (!republished?.media.includes(path)) media.add(path)
    }
  }
  return { slugs, replaced, pages, lists, sitemap, fragments, media }
}

// StoryCard.astro writes each card as one `<li class="story-card" data-story="<slug>">` with no list inside it.
const cardStart = (slug: string) => `<li class="story-card" data-story="${slug}"`

/** A page without the cards of these stories. */
export function withoutCards(html: string, slugs: ReadonlySet<string>): string {
  let left = html
  for (const slug of slugs) {
    for (let start = left.indexOf(cardStart(slug)); start >= 0; start = left.indexOf(cardStart(slug), start)) {
      const end = left.indexOf('</li>', start)
      if (end < 0) break
      left = left.slice(0, start) + left.slice(end + '</li>'.length)
    }
  }
  return left
}

/** The sitemap (one entry a line, as sitemap.ts writes it) without these addresses. */
export function withoutSitemapEntries(sitemap: string, urls: ReadonlySet<string>): string {
  if (urls.size === 0) return sitemap
  const refused = new Set([...urls].map(sitemapEntry))
  return sitemap
    .split('\n')
    .filter((line) => !refused.has(line.trim()))
    .join('\n')
}
