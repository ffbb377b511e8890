// The live site's fast path for a withdrawal, as pure functions over what a build wrote: which
// addresses belong to a withdrawn story, and list pages and the sitemap without its entries.
export interface StoryAddress {
  lang: 'km' | 'en'
  slug: string
}

// `/stories/page/<n>/` is a page of the list, not a story called "page".
const storyPath = /^\/(km|en)\/stories\/(?!page\/\d+\/)([a-z0-9]+(?:-[a-z0-9]+)*)\//

/** The story a path belongs to (its page, reading view or one-file copy), if it is withdrawn. */
export function withdrawnStoryAt(pathname: string, withdrawn: ReadonlySet<string>): StoryAddress | null {
  const match = storyPath.exec(pathname)
  if (!match?.[2] || !withdrawn.has(match[2])) return null
  return { lang: match[1] === 'en' ? 'en' : 'km', slug: match[2] }
}

// A story card is one <li class="story-card" data-story="…"> with no list inside it (StoryCard.astro).
const storyCard = /<li class="story-card" data-story="([a-z0-9-]+)"[^>]*>[\s\S]*?<\/li>/g

export function withoutWithdrawnCards(html: string, withdrawn: ReadonlySet<string>): string {
  if (withdrawn.size === 0) return html
  return html.replace(storyCard, (card, slug: string) => (withdrawn.has(slug) ? '' : card))
}

const sitemapEntry = /\s*<url><loc>[^<]*\/stories\/(?!page\/\d+\/)([a-z0-9-]+)\/[^<]*<\/loc><\/url>/g

export function withoutWithdrawnUrls(sitemap: string, withdrawn: ReadonlySet<string>): string {
  if (withdrawn.size === 0) return sitemap
  return sitemap.replace(sitemapEntry, (entry, slug: string) => (withdrawn.has(slug) ? '' : entry))
}
