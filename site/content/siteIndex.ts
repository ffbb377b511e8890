// Look-ups the pages share over the loaded content: a story's themes, ceremony and lessons, the hotline.
import type { Language, PublicTestimony } from '../../core/index.ts'
import { siteContentForPages } from './contentBridge.ts'

export function siteIndex() {
  const content = siteContentForPages()
  const themes = new Map(content.themes.map((theme) => [theme.id, theme]))
  const ceremonies = new Map(content.ceremonies.map((ceremony) => [ceremony.id, ceremony]))
  return {
    content,
    hotline: content.services.find((service) => service.id === content.settings.hotline) ?? content.services[0] ?? null,
    storiesIn: (language: Language) => content.stories.filter((story) => story.languages[language]),
    story: (slug: string) => content.stories.find((story) => story.slug === slug) ?? null,
    themesOf: (story: PublicTestimony) => story.themes.flatMap((id) => [themes.get(id)].filter((theme) => theme !== undefined)),
    ceremonyOf: (story: PublicTestimony) => (story.ceremony ? (ceremonies.get(story.ceremony) ?? null) : null),
    lessonsOf: (story: PublicTestimony) => content.lessons.filter((lesson) => lesson.stories.includes(story.slug)),
    storiesOfTheme: (id: string) => content.stories.filter((story) => story.themes.includes(id)),
    storiesOfCeremony: (id: string) => content.stories.filter((story) => story.ceremony === id),
    storiesOfLesson: (slugs: ReadonlyArray<string>) => content.stories.filter((story) => slugs.includes(story.slug)),
  }
}
export type SiteIndex = ReturnType<typeof siteIndex>
