// The site's content loader, the last consent gate: it reads the archive through @sanity/client with
// a publisher token, asks the consent core again for every testimony (use 'website', today from the
// caller's clock) and keeps only what the public projection lets through.
import type { SanityClient } from '@sanity/client'
import { z } from 'zod'
import { consentDocument, projectPublicTestimony, testimonyDocument, type ConsentDocument, type PublicTestimony } from '../../core/index.ts'
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
  const problems: string[] = []
  const consents: ConsentDocument[] = raw.consents.flatMap((document) => {
    const parsed = consentDocument.safeParse(document)
    if (!parsed.success) problems.push(`A consent record is not well formed and counts as no consent: ${parsed.error.issues[0]?.message}`)
    return parsed.success ? [parsed.data] : []
  })
  // Each testimony is judged with its own consent records only: asking with all of them made the
  // build quadratic in the size of the archive.
  const consentsOf = new Map<string, ConsentDocument[]>()
  for (const consent of consents) consentsOf.set(consent.testimony._ref, [...(consentsOf.get(consent.testimony._ref) ?? []), consent])

  const stories: PublicTestimony[] = []
  const slugs = new Set<string>()
  const published: LedgerEntry[] = []
  const teaching = new Set<string>()
  const refused: Array<{ slug: string; withdrawn: boolean }> = []
  for (const document of raw.testimonies) {
    const parsed = testimonyDocument.safeParse(document)
    if (!parsed.success) {
      problems.push(`A testimony is not well formed and stays private: ${parsed.error.issues[0]?.message}`)
      continue
    }
    const audio = z.object({ audioRef: z.string() }).safeParse(document)
    const audioUrl = audio.success ? assetUrl(options.client, audio.data.audioRef) : null
    const ask = (use: 'website' | 'teaching') =>
      projectPublicTestimony({
        testimony: parsed.data,
        consents: consentsOf.get(parsed.data._id.replace(/^drafts\./, '')) ?? [],
        use,
        today: options.today,
        audioUrl,
      })
    const website = ask('website')
    if (!website.public) {
      const slug = parsed.data.slug?.current
      if (slug) refused.push({ slug, withdrawn: website.reasons.some((reason) => reason.code === 'scopeWithdrawn') })
      continue
    }
    if (slugs.has(website.testimony.slug)) {
      problems.push(`Two testimonies share the address "${website.testimony.slug}"; only the first is published.`)
      continue
    }
    stories.push(website.testimony)
    slugs.add(website.testimony.slug)
    published.push({ id: parsed.data._id, slug: website.testimony.slug })
    if (ask('teaching').public) teaching.add(parsed.data._id)
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
    removed: removedStories({ stories, refused, publishedBefore: options.publishedBefore ?? [], consentsOf }),
  })
  return { content, published, problems }
}
