// What a build made of each public story, for its report: the story's own pages, the pages that
// show its card, its sitemap entries, its search fragments and its recording. Worked out once, by the build, from
// what it wrote, so that the live site never has to read the output to know it.
import { routes, siteLanguages } from '../i18n/routes.ts'
import type { BuiltHtmlPage } from './builtPages.ts'
import type { BuiltPage, BuiltStory } from './siteBuildReport.ts'

export function builtStories(input: {
  slugs: ReadonlyArray<string>
  pages: ReadonlyArray<BuiltHtmlPage>
  siteUrl: string
  sitemap: ReadonlyArray<string>
  fragments: ReadonlyMap<string, ReadonlyArray<string>>
  /** Each story's recordings, as served. */
  media: ReadonlyMap<string, ReadonlyArray<string>>
}): Record<string, BuiltStory> {
  const built = new Set(input.pages.map((page) => page.path))
  const lists = new Map<string, string[]>()
  for (const page of input.pages)
    for (const slug of new Set(page.cards)) {
      const paths = lists.get(slug)
      if (paths) paths.push(page.path)
      else lists.set(slug, [page.path])
    }
  const inSitemap = new Set(input.sitemap)
  return Object.fromEntries(
    input.slugs.map((slug) => {
      const pages: BuiltPage[] = siteLanguages.flatMap((language) =>
        [routes.story(language, slug), routes.reading(language, slug), routes.ceremonyCopy(language, slug)]
          .filter((path) => built.has(path))
          .map((path) => ({ path, language })),
      )
      const sitemap = pages.map((page) => new URL(page.path.slice(1), input.siteUrl).href).filter((url) => inSitemap.has(url))
      return [
        slug,
        {
          pages,
          lists: lists.get(slug) ?? [],
          sitemap,
          fragments: [...(input.fragments.get(slug) ?? [])],
          media: [...(input.media.get(slug) ?? [])],
        },
      ]
    }),
  )
}
