// The live site's fast path for a withdrawal, as pure functions over the build's report: what of a
// withdrawn story is refused (its own pages, its cards on the pages the report names, its sitemap
// entries, its search fragments), and a list page or the sitemap without its entries.
import type { BuiltStory } from '../build/siteBuildReport.ts'
import { sitemapEntry } from '../build/sitemap.ts'
import type { RemovedStory } from '../content/removedStory.ts'

/** Why a story is taken off, which its neutral page says: she withdrew it, or it is no longer available. */
export type RemovalReason = RemovedStory['reason']

export interface RefusedOutput {
  slugs: ReadonlySet<string>
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
  pages: new Map(),
  lists: new Set(),
  sitemap: new Set(),
  fragments: new Set(),
  media: new Set(),
}

/** What the site must not serve of these stories (by slug, with why), as the build that is served reported it. */
export function refusedOutput(built: Readonly<Record<string, BuiltStory>>, refused: ReadonlyMap<string, RemovalReason>): RefusedOutput {
  const taken = [...refused].flatMap(([slug, reason]) => [built[slug]].flatMap((story) => (story ? [{ story, reason }] : [])))
  const stories = taken.map(({ story }) => story)
  return {
    slugs: new Set(refused.keys()),
    pages: new Map(
      taken.flatMap(({ story, reason }) => story.pages.map((page) => [page.path, { language: page.language, reason }] as const)),
    ),
    lists: new Set(stories.flatMap((story) => story.lists)),
    sitemap: new Set(stories.flatMap((story) => story.sitemap)),
    fragments: new Set(stories.flatMap((story) => story.fragments)),
    media: new Set(stories.flatMap((story) => story.media)),
  }
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
