// A publication's increment: the few stories just published, built through the consent gate with
// the site's own templates into a small site of their own (their pages, their cards, their search
// index, their recordings), in seconds at any archive size, so that the live site can show them
// before the full rebuild (the background consistency pass) folds them into the whole site.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadSiteContent } from '../content/contentLoader.ts'
import { mergeLedger, readLedger, writeLedger } from '../content/publicationLedger.ts'
import { searchRecords } from '../search/searchRecords.ts'
import type { BuildSiteOptions } from './buildSite.ts'
import { buildFolders } from './buildFolders.ts'
import { cardOf, cardPlace } from './cardPlaces.ts'
import { builtHtmlPages } from './builtPages.ts'
import { builtStories } from './builtStories.ts'
import { writeCeremonyCopies } from './ceremonyCopy.ts'
import type { AddedStory, IncrementReport } from './incrementReport.ts'
import { copyMedia } from './mediaFiles.ts'
import { renderWhileIndexing } from './renderWhileIndexing.ts'
import { phaseMilliseconds } from './siteBuildReport.ts'
import { writeSitemap } from './sitemap.ts'
import { defaultBuildOptions } from '../content/buildOptions.ts'

export interface BuildIncrementOptions extends Omit<BuildSiteOptions, 'publishedBefore'> {
  /** The testimonies whose stories were just published. */
  only: ReadonlyArray<string>
}

export async function buildIncrement(options: BuildIncrementOptions): Promise<IncrementReport> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1'
  const started = performance.now()
  const loaded = await loadSiteContent({ client: options.client, today: options.today, only: options.only })
  // Only the new stories: no neutral page of another's, no removed list of its own.
  const gated = { ...loaded.content, removed: [] }
  const loadedAt = performance.now()
  const siteUrl = options.siteUrl ?? defaultBuildOptions.siteUrl
  const folders = buildFolders(options.outDir, options.workDir)
  let builtAt = loadedAt
  let searchedAt = loadedAt
  let added: AddedStory[] = []
  try {
    const content = await copyMedia(gated, options.client, folders.publicDir)
    const slugs = new Set(content.stories.map((story) => story.slug))
    const records = searchRecords(content).filter((record) => record.story !== undefined && slugs.has(record.story))
    const rendered = await renderWhileIndexing(content, options, folders, records)
    const { search } = rendered
    builtAt = rendered.builtAt
    searchedAt = performance.now()
    writeCeremonyCopies(content, folders.staging)
    const pages = builtHtmlPages(folders.staging)
    const sitemap = writeSitemap(folders.staging, siteUrl, pages)
    const media = new Map(content.stories.flatMap((story) => (story.audio ? [[story.slug, [story.audio]] as const] : [])))
    const stories = builtStories({ slugs: [...slugs], pages, siteUrl, sitemap, fragments: search.storyFragments, media })
    added = loaded.published.flatMap(({ id, slug }) => {
      const story = stories[slug]
      if (!story) return []
      const pages = story.lists.map((path) => ({ path, html: readFileSync(pageFile(folders.staging, path), 'utf8') }))
      const cards = Object.fromEntries(pages.map(({ path, html }) => [path, cardOf(html, slug)]))
      const places = Object.fromEntries(
        pages.flatMap(({ path, html }) => {
          const place = cardPlace({ path, html, slug, lessons: content.lessons, lessonOrder: loaded.lessonOrder })
          return place ? [[path, place]] : []
        }),
      )
      const searchLanguages = [...new Set(records.filter((record) => record.story === slug).map((record) => record.language))]
      return [{ id, slug, story, searchLanguages, cards, places }]
    })
    folders.swapIn()
  } finally {
    folders.remove()
  }
  // Published now: if she withdraws before the full rebuild, her address shows the neutral page.
  if (options.ledgerPath) writeLedger(options.ledgerPath, mergeLedger(readLedger(options.ledgerPath), loaded.published))
  return {
    outDir: options.outDir,
    added,
    problems: loaded.problems,
    milliseconds: phaseMilliseconds({ started, loaded: loadedAt, built: builtAt, searched: searchedAt }),
  }
}

const pageFile = (root: string, path: string) => join(root, path.endsWith('/') ? `${path}index.html` : path)
