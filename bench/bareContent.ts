// The content of the bare baseline, made without the lake or the consent gate: the synthetic
// testimonies turned straight into the public stories the gate would let through (their consent
// approves exactly their text), beside the seed's public content (settings, themes, lessons,
// ceremonies, glossary and its six stories), so that the bare build renders the same pages.
import { approvableText, publicLanguages, publicTestimony, testimonyDocument, textHash, type PublicTestimony } from '../core/index.ts'
import type { SiteContent } from '../site/index.ts'
import { syntheticTestimonies } from './syntheticTestimonies.ts'

/** The public story of each synthetic testimony, as the projection writes it (anonymous: no first-name scope). */
export function syntheticStories(count: number): PublicTestimony[] {
  return syntheticTestimonies(count).flatMap((document) => {
    if (document._type !== 'testimony') return []
    const testimony = testimonyDocument.parse(document)
    const version = testimony.publicVersion
    const languages: Record<string, unknown> = {}
    for (const language of publicLanguages) {
      const blocks = version?.body?.[language] ?? []
      languages[language] = {
        title: version?.title?.[language] ?? '',
        byline: version?.byline?.[language] ?? '',
        body: blocks.map((block, index) => ({
          _type: 'block',
          _key: `b${index}`,
          style: 'normal',
          markDefs: [],
          children: (block.children ?? []).map((child, i) => ({ _type: 'span', _key: `s${i}`, text: child.text ?? '', marks: [] })),
        })),
        hopes: version?.hopes?.[language] || null,
        textHash: textHash(approvableText(testimony, 'public', language)),
      }
    }
    // Checked by the projection's own schema, as the gate's answer is.
    return [
      publicTestimony.parse({
        slug: testimony.slug?.current ?? '',
        form: 'anonymous',
        sample: testimony.sample === true,
        languages,
        themes: (testimony.themes ?? []).map((theme) => theme._ref),
        period: testimony.period ? { from: testimony.period.from ?? null, to: testimony.period.to ?? null } : null,
        province: testimony.province ?? null,
        contentWarnings: testimony.contentWarnings ?? [],
        ceremony: testimony.ceremony?._ref ?? null,
      }),
    ]
  })
}

/** The seed's public content with `count` synthetic stories added, in the loader's order (by slug). */
export function bareContent(seed: SiteContent, count: number): SiteContent {
  const stories = [...seed.stories, ...syntheticStories(count)].sort((a, b) => a.slug.localeCompare(b.slug))
  return { ...seed, stories }
}
