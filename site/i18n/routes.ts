// Addresses of the site's pages in each language: /km/… (Khmer, also at /) and /en/….
import type { Language } from '../../core/index.ts'
import type { RemovedStory } from '../content/removedStory.ts'
import { pageAddress } from '../content/storyListing.ts'

export const siteLanguages: ReadonlyArray<Language> = ['km', 'en']
export const otherLanguage = (language: Language): Language => (language === 'km' ? 'en' : 'km')
/** The language of a page from its `[lang]` route parameter (Khmer unless it is `en`). */
export const pageLanguage = (param: string | undefined): Language => (param === 'en' ? 'en' : 'km')
/** The paths of a page that exists once in each language. */
export const languagePaths = () => siteLanguages.map((lang) => ({ params: { lang } }))

/** The neutral page's name for each reason a story is taken off (RemovedNotice.astro says which). */
export const neutralPages: Readonly<Record<RemovedStory['reason'], string>> = { withdrawn: 'removed', unavailable: 'unavailable' }

export const routes = {
  /** The neutral page the live site shows at a story's addresses once it is refused, until a build writes one there. */
  neutral: (l: Language, reason: RemovedStory['reason']) => `/${l}/${neutralPages[reason]}/`,
  home: (l: Language) => `/${l}/`,
  stories: (l: Language, page = 1) => pageAddress(`/${l}/stories/`, page),
  /** The stories told (or written down) in one language. */
  toldIn: (l: Language, told: Language, page = 1) => pageAddress(`/${l}/languages/${told}/`, page),
  story: (l: Language, slug: string) => `/${l}/stories/${slug}/`,
  reading: (l: Language, slug: string) => `/${l}/stories/${slug}/reading/`,
  ceremonyCopy: (l: Language, slug: string) => `/${l}/stories/${slug}/${slug}-${l}.html`,
  themes: (l: Language) => `/${l}/themes/`,
  theme: (l: Language, slug: string, page = 1) => pageAddress(`/${l}/themes/${slug}/`, page),
  /** A theme's stories told in one language. */
  themeToldIn: (l: Language, slug: string, told: Language, page = 1) => pageAddress(`/${l}/themes/${slug}/languages/${told}/`, page),
  lessons: (l: Language) => `/${l}/lessons/`,
  lesson: (l: Language, slug: string) => `/${l}/lessons/${slug}/`,
  ceremonies: (l: Language) => `/${l}/ceremonies/`,
  ceremony: (l: Language, id: string) => `/${l}/ceremonies/#${id}`,
  about: (l: Language) => `/${l}/about/`,
  help: (l: Language) => `/${l}/help/`,
  glossary: (l: Language) => `/${l}/glossary/`,
  search: (l: Language) => `/${l}/search/`,
}

/** The same page in the other language: only the language prefix changes. */
export function sameLocationIn(pathname: string, language: Language): string {
  const match = /^\/(km|en)(\/.*)?$/.exec(pathname)
  return match ? `/${language}${match[2] ?? '/'}` : `/${language}/`
}

/** The address of a page of the story list narrowed to a theme, a language, both or neither. */
export function listingAddress(l: Language, filter: { themeSlug: string | null; told: Language | null }, page = 1): string {
  if (filter.themeSlug && filter.told) return routes.themeToldIn(l, filter.themeSlug, filter.told, page)
  if (filter.themeSlug) return routes.theme(l, filter.themeSlug, page)
  if (filter.told) return routes.toldIn(l, filter.told, page)
  return routes.stories(l, page)
}
