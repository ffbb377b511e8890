// Builds the public site from a backend: load through the consent gate, render with Astro, index
// with Pagefind, write the sitemap and the one-file ceremony copies, keep the publication ledger.
// The gated content reaches the pages through Astro's live collections: handed to the site's content
// loader (site/content/archiveLoader.ts) through a process-wide slot, so one build at a time per
// process; no data store of it is written. Builds in separate processes (buildInChildProcess) each
// have their own folders and can run at once.
import type { SanityClient } from '@sanity/client'
import { loadSiteContent } from '../content/contentLoader.ts'
import type { SiteContent } from '../content/siteContent.ts'
import { defaultBuildOptions } from '../content/buildOptions.ts'
import { mergeLedger, readLedger, writeLedger, type LedgerEntry } from '../content/publicationLedger.ts'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { additionsList } from '../search/searchAdditions.ts'
import type { SearchPartSizes } from '../search/searchParts.ts'
import { buildFolders, type BuildFolders } from './buildFolders.ts'
import { builtHtmlPages } from './builtPages.ts'
import { builtStories } from './builtStories.ts'
import { writeCeremonyCopies } from './ceremonyCopy.ts'
import { copyMedia } from './mediaFiles.ts'
import { renderWhileIndexing } from './renderWhileIndexing.ts'
import { phaseMilliseconds, type SiteBuildReport } from './siteBuildReport.ts'
import { writeSitemap } from './sitemap.ts'

export interface BuildSiteOptions {
  client: SanityClient
  outDir: string
  /** Today as YYYY-MM-DD from the caller's clock: consent is read as of this day. */
  today: string
  /** The publication ledger file, kept outside outDir; default: `<outDir>.published.json`. */
  ledgerPath?: string
  /** Stories published before, instead of (or besides) the ledger file. */
  publishedBefore?: ReadonlyArray<LedgerEntry>
  leaveUrl?: string
  siteUrl?: string
  /** Story cards per list page (24 by default). */
  storiesPerPage?: number
  /** Hosts from which ceremony photographs may be fetched (the lake's or Sanity's CDN). */
  imageHosts?: ReadonlyArray<string>
  quiet?: boolean
  /** When the search index is written in parts, and their size (site/search/searchParts.ts). */
  searchParts?: SearchPartSizes
  /** A folder of this build's own for its caches and working files, removed by whoever made it; default: one made and removed here. */
  workDir?: string
}

export type { SiteBuildReport } from './siteBuildReport.ts'

export async function buildSite(options: BuildSiteOptions): Promise<SiteBuildReport> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1'
  const started = performance.now()
  const ledgerPath = options.ledgerPath ?? `${options.outDir.replace(/\/+$/, '')}.published.json`
  const before = mergeLedger(readLedger(ledgerPath), options.publishedBefore ?? [])
  const loaded = await loadSiteContent({ client: options.client, today: options.today, publishedBefore: before })
  const loadedAt = performance.now()

  // Built beside the output and swapped in when whole: the previous build stays in place meanwhile.
  const folders = buildFolders(options.outDir, options.workDir)
  let rendered: Awaited<ReturnType<typeof render>>
  try {
    rendered = await render(loaded.content, options, folders)
    folders.swapIn()
  } finally {
    folders.remove()
  }
  const { search, sitemap, stories, builtAt, searchedAt } = rendered
  // An address whose testimony has no public story any more was erased: the ledger forgets it.
  // Read again: a publication's increment may have added to it meanwhile (buildIncrement.ts).
  writeLedger(
    ledgerPath,
    mergeLedger(mergeLedger(readLedger(ledgerPath), before), loaded.published).filter((entry) => loaded.known.has(entry.id)),
  )
  return {
    outDir: options.outDir,
    stories: loaded.content.stories.length,
    removed: loaded.content.removed.length,
    published: loaded.published,
    builtStories: stories,
    searchRecords: search.records,
    sitemap,
    problems: loaded.problems,
    indexerPeakMegabytes: search.indexerPeakMegabytes,
    milliseconds: phaseMilliseconds({ started, loaded: loadedAt, built: builtAt, searched: searchedAt }),
  }
}

/** Astro's pages, the search index, the one-file copies and the sitemap, into the staging folder. */
async function render(loadedContent: SiteContent, options: BuildSiteOptions, folders: BuildFolders) {
  const content = await copyMedia(loadedContent, options.client, folders.publicDir)
  const { search, builtAt } = await renderWhileIndexing(content, options, folders)
  // The search indexes of stories published since this build: none in it (the live site answers its own list).
  writeFileSync(join(folders.staging, additionsList), '{}\n')
  const searchedAt = performance.now()
  writeCeremonyCopies(content, folders.staging)
  const siteUrl = options.siteUrl ?? defaultBuildOptions.siteUrl
  const pages = builtHtmlPages(folders.staging)
  const sitemap = writeSitemap(folders.staging, siteUrl, pages)
  const slugs = content.stories.map((story) => story.slug)
  const media = new Map(content.stories.flatMap((story) => (story.audio ? [[story.slug, [story.audio]] as const] : [])))
  const stories = builtStories({ slugs, pages, siteUrl, sitemap, fragments: search.storyFragments, media })
  return { search, sitemap, stories, builtAt, searchedAt }
}
