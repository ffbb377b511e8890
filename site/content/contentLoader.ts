// The site's content loader, the last consent gate: it reads the archive through @sanity/client with
// a publisher token, which reads public stories (what publishing wrote of each testimony: never her
// full text, her survivor record, her therapist or the review notes), asks the consent core again of
// every story (use 'website', today from the caller's clock) and keeps only what it lets through.
import type { SanityClient } from '@sanity/client'
import { publicStoryGate, publicStoryInputs, type PublicTestimony, parseOrExplain } from '../../core/index.ts'
import { assetUrl } from './assetUrl.ts'
import { contentQuery, contentQueryResult } from './contentQuery.ts'
import { answeredTestimonies, readPublicStories } from './publicStoryReads.ts'
import type { LedgerEntry } from './publicationLedger.ts'
import { removedStories } from './removedStories.ts'
import { siteContent, type SiteContent } from './siteContent.ts'

export interface LoadedContent {
  /** The gated content; a story's `audio` is still the backend's address until copyMedia. */
  content: SiteContent
  /** The stories public now, by testimony id, for the publication ledger. */
  published: LedgerEntry[]
  /** Documents left out because they are not well formed, each with what to fix. */
  problems: string[]
  /** The testimonies that have a public story (public or not): an address of any other is forgotten (it was erased). */
  known: ReadonlySet<string>
  /**
   * Each lesson's testimonies in the order the lesson shows them, by the lesson's address (slug): the
   * live site puts a story just published among the lesson's cards in that order (addedCards.ts).
   */
  lessonOrder: ReadonlyMap<string, ReadonlyArray<string>>
}

export async function loadSiteContent(options: {
  client: SanityClient
  today: string
  publishedBefore?: ReadonlyArray<LedgerEntry>
  /** Only these testimonies' stories (a publication's increment); every public story when left out. */
  only?: ReadonlyArray<string>
}): Promise<LoadedContent> {
  const raw = parseOrExplain(
    contentQueryResult,
    await options.client.fetch(contentQuery, {}, { perspective: 'published' }),
    "the archive's answer to the site's content query",
    'check that the backend holds the archive schema (npm run lake -- import seed/archive.ndjson).',
  )
  const answered = await readPublicStories(options.client, options.only)
  const inputs = publicStoryInputs(answered)
  const problems = [...inputs.problems]

  const stories: PublicTestimony[] = []
  const slugs = new Set<string>()
  const published: LedgerEntry[] = []
  const teaching = new Set<string>()
  const refused: Array<{ slug: string; withdrawn: boolean }> = []
  const withdrawn = new Map<string, boolean>()
  for (const story of inputs.stories) {
    const website = publicStoryGate({ story, use: 'website', today: options.today })
    if (!website.public) {
      // A story held until a day is not yet public: no neutral page tells of it meanwhile.
      const held = website.reasons.every((reason) => reason.code === 'publicationHeld')
      if (!held) refused.push({ slug: website.slug, withdrawn: website.withdrawn })
      withdrawn.set(story.testimonyId, website.withdrawn)
      continue
    }
    if (slugs.has(website.testimony.slug)) {
      problems.push(`Two testimonies share the address "${website.testimony.slug}"; only the first is published.`)
      continue
    }
    // The recording is addressed from its asset id, as the backend serves it to the build's token.
    const { audio, ...shown } = website.testimony
    const audioUrl = audio ? assetUrl(options.client, audio) : null
    stories.push(audioUrl ? { ...shown, audio: audioUrl } : shown)
    slugs.add(website.testimony.slug)
    published.push({ id: story.testimonyId, slug: website.testimony.slug })
    if (publicStoryGate({ story, use: 'teaching', today: options.today }).public) teaching.add(story.testimonyId)
  }
  // Every story the archive answered, also one not well formed: only a story that is gone was erased.
  const known = answeredTestimonies(answered)

  const slugOf = new Map(published.map((entry) => [entry.id, entry.slug]))
  const content = siteContent.parse({
    today: options.today,
    settings: raw.settings ?? { title: { km: 'បណ្ណសារសក្ខីកម្ម', en: 'Testimony Archive' } },
    services: raw.services,
    themes: raw.themes,
    ceremonies: raw.ceremonies.map(({ photo, ...ceremony }) => {
      const url = photo ? assetUrl(options.client, photo.ref) : null
      return { ...ceremony, photo: photo && url ? { url, alt: photo.alt } : null }
    }),
    lessons: raw.lessons.map(({ testimonies, ...lesson }) => ({
      ...lesson,
      stories: testimonies.flatMap((id) => {
        const slug = slugOf.get(id)
        return slug && teaching.has(id) ? [slug] : []
      }),
    })),
    glossary: raw.glossary,
    stories: stories.sort((a, b) => a.slug.localeCompare(b.slug)),
    removed: removedStories({ stories, refused, publishedBefore: options.publishedBefore ?? [], known, withdrawn }),
  })
  const lessonOrder = new Map(raw.lessons.map((lesson) => [lesson.slug, lesson.testimonies]))
  return { content, published, problems, known, lessonOrder }
}
