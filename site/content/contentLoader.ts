// The site's content loader, the last consent gate: it reads the archive through @sanity/client with
// a publisher token, asks the consent core again for every testimony (use 'website', today from the
// caller's clock) and keeps only what the public projection lets through.
import type { SanityClient } from '@sanity/client'
import { z } from 'zod'
import { gateInputs, projectPublicTestimony, type PublicTestimony } from '../../core/index.ts'
import { assetUrl } from './assetUrl.ts'
import { contentQuery, contentQueryResult } from './contentQuery.ts'
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
}

export async function loadSiteContent(options: {
  client: SanityClient
  today: string
  publishedBefore?: ReadonlyArray<LedgerEntry>
}): Promise<LoadedContent> {
  const answer = contentQueryResult.safeParse(await options.client.fetch(contentQuery, {}, { perspective: 'published' }))
  if (!answer.success) {
    const issue = answer.error.issues[0]
    throw new Error(`The archive answered something the site can not read: ${issue?.path.join('.')}: ${issue?.message}`, {
      cause: 'Hint: check that the backend holds the archive schema (npm run lake -- import seed/archive.ndjson).',
    })
  }
  const raw = answer.data
  // Each testimony is judged with its own consent records only, as core groups them for everyone
  // (asking with all of them made the build quadratic in the size of the archive).
  const inputs = gateInputs(raw)
  const problems = [...inputs.problems]

  const stories: PublicTestimony[] = []
  const slugs = new Set<string>()
  const published: LedgerEntry[] = []
  const teaching = new Set<string>()
  const refused: Array<{ slug: string; withdrawn: boolean }> = []
  for (const { testimony, consents, source } of inputs.testimonies) {
    const audio = z.object({ audioRef: z.string() }).safeParse(source)
    const audioUrl = audio.success ? assetUrl(options.client, audio.data.audioRef) : null
    const ask = (use: 'website' | 'teaching') => projectPublicTestimony({ testimony, consents, use, today: options.today, audioUrl })
    const website = ask('website')
    if (!website.public) {
      const slug = testimony.slug?.current
      // A story held until a day is not yet public: no neutral page tells of it meanwhile.
      const held = website.reasons.every((reason) => reason.code === 'publicationHeld')
      if (slug && !held) refused.push({ slug, withdrawn: website.reasons.some((reason) => reason.code === 'scopeWithdrawn') })
      continue
    }
    if (slugs.has(website.testimony.slug)) {
      problems.push(`Two testimonies share the address "${website.testimony.slug}"; only the first is published.`)
      continue
    }
    stories.push(website.testimony)
    slugs.add(website.testimony.slug)
    published.push({ id: testimony._id, slug: website.testimony.slug })
    if (ask('teaching').public) teaching.add(testimony._id)
  }

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
    removed: removedStories({ stories, refused, publishedBefore: options.publishedBefore ?? [], consentsOf: inputs.consentsOf }),
  })
  return { content, published, problems }
}
