// Look-ups the pages share over the site's content: a story's themes, ceremony and lessons, the
// hotline, the stories of a list. Pure: built once from the content the pages read through Astro's
// content collections (site/src/siteData.ts), since a build renders thousands of pages from the same
// content, so each look-up is a map read, not a scan of every story.
import type { Language, PublicTestimony } from '../../core/index.ts'
import type { SiteContent } from './siteContent.ts'

export type SiteIndex = ReturnType<typeof siteIndexOf>

function group<T>(items: ReadonlyArray<T>, keysOf: (item: T) => ReadonlyArray<string>): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items)
    for (const key of keysOf(item)) {
      const members = groups.get(key)
      if (members) members.push(item)
      else groups.set(key, [item])
    }
  return groups
}

export function siteIndexOf(content: SiteContent) {
  const themes = new Map(content.themes.map((theme) => [theme.id, theme]))
  const ceremonies = new Map(content.ceremonies.map((ceremony) => [ceremony.id, ceremony]))
  const stories = new Map(content.stories.map((story) => [story.slug, story]))
  const byTheme = group(content.stories, (story) => story.themes)
  const byCeremony = group(content.stories, (story) => (story.ceremony ? [story.ceremony] : []))
  const byLanguage = group(content.stories, (story) => (['km', 'en'] as const).filter((language) => story.languages[language]))
  const byThemeAndLanguage = group(content.stories, (story) =>
    story.themes.flatMap((theme) =>
      (['km', 'en'] as const).filter((language) => story.languages[language]).map((language) => `${theme} ${language}`),
    ),
  )
  const lessonsByStory = group(content.lessons, (lesson) => lesson.stories)
  return {
    content,
    hotline: content.services.find((service) => service.id === content.settings.hotline) ?? content.services[0] ?? null,
    story: (slug: string) => stories.get(slug) ?? null,
    themesOf: (story: PublicTestimony) => story.themes.flatMap((id) => [themes.get(id)].filter((theme) => theme !== undefined)),
    ceremonyOf: (story: PublicTestimony) => (story.ceremony ? (ceremonies.get(story.ceremony) ?? null) : null),
    lessonsOf: (story: PublicTestimony) => lessonsByStory.get(story.slug) ?? [],
    /** The stories of a list narrowed to a theme, a language in which they can be read, both or neither. */
    storiesOf: (filter: { themeId: string | null; told: Language | null }) =>
      filter.themeId && filter.told
        ? (byThemeAndLanguage.get(`${filter.themeId} ${filter.told}`) ?? [])
        : filter.themeId
          ? (byTheme.get(filter.themeId) ?? [])
          : filter.told
            ? (byLanguage.get(filter.told) ?? [])
            : content.stories,
    storiesOfCeremony: (id: string) => byCeremony.get(id) ?? [],
    storiesOfLesson: (slugs: ReadonlyArray<string>) => slugs.flatMap((slug) => [stories.get(slug)].filter((story) => story !== undefined)),
  }
}
