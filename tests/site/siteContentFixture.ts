// A small fictional SiteContent, as the consent gate would hand it over, for the pure tests of the
// site's collections and look-ups.
import { siteContent, siteStory, type SiteContent, type SiteStory } from '../../site/content/siteContent.ts'

export function fictionalStory(
  slug: string,
  options: { themes?: string[]; ceremony?: string | null; languages?: Array<'km' | 'en'> } = {},
): SiteStory {
  const text = (title: string) => ({
    title,
    byline: 'A woman from Takeo province (fictional)',
    body: [
      {
        _type: 'block',
        _key: 'b',
        style: 'normal',
        markDefs: [],
        children: [{ _type: 'span', _key: 's', text: `${title}: a fictional text.`, marks: [] }],
      },
    ],
    hopes: null,
    textHash: `hash-${slug}`,
  })
  const languages = options.languages ?? ['km', 'en']
  return siteStory.parse({
    slug,
    form: 'anonymous',
    sample: true,
    languages: Object.fromEntries(languages.map((language) => [language, text(`${slug} (${language})`)])),
    themes: options.themes ?? [],
    period: null,
    province: null,
    contentWarnings: [],
    ceremony: options.ceremony ?? null,
  })
}

export function fictionalContent(changes: Partial<SiteContent> = {}): SiteContent {
  const title = { km: 'បណ្ណសារ', en: 'Archive (fictional)' }
  return siteContent.parse({
    today: '2026-11-29',
    settings: { title, hotline: 'service-hotline' },
    services: [
      { id: 'service-clinic', name: title, kind: 'clinic', phone: '012 000 001' },
      { id: 'service-hotline', name: title, kind: 'hotline', phone: '1280' },
    ],
    themes: [
      { id: 'theme-marriage', slug: 'forced-marriage', title },
      { id: 'theme-labour', slug: 'forced-labour', title },
    ],
    ceremonies: [{ id: 'ceremony-1', date: '2025-03-01', placeKind: 'pagoda', place: title }],
    lessons: [
      { id: 'lesson-1', slug: 'lesson-one', title, audience: 'secondary', themes: ['theme-marriage'], stories: ['b-story', 'gone-story'] },
    ],
    glossary: [],
    stories: [
      fictionalStory('a-story', { themes: ['theme-marriage'], ceremony: 'ceremony-1', languages: ['km'] }),
      fictionalStory('b-story', { themes: ['theme-marriage', 'theme-labour'] }),
      fictionalStory('c-story', { languages: ['en'] }),
    ],
    removed: [{ slug: 'withdrawn-story', reason: 'withdrawn' }],
    ...changes,
  })
}
