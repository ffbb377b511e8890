// Astro's rendering of given content, the one step every site build shares: the pages read the
// content and the build options from their slots, then Astro writes them into a folder. buildSite
// calls it between loading (through the consent gate) and indexing; `renderSiteContent` runs it
// alone on content made elsewhere (the benchmark's bare baseline: the same pages, nothing else).
import { build } from 'astro'
import { provideSiteContent } from '../content/contentBridge.ts'
import type { SiteContent } from '../content/siteContent.ts'
import { defaultBuildOptions, provideBuildOptions } from '../content/buildOptions.ts'
import { astroConfig } from './astroConfig.ts'
import { buildFolders } from './buildFolders.ts'

export interface RenderOptions {
  leaveUrl?: string
  siteUrl?: string
  /** Story cards per list page (24 by default). */
  storiesPerPage?: number
  /** Hosts from which ceremony photographs may be fetched (the lake's or Sanity's CDN). */
  imageHosts?: ReadonlyArray<string>
  quiet?: boolean
}

/** Renders the site's pages of `content` into `folders.outDir` with the site's Astro configuration. */
export async function renderPages(
  content: SiteContent,
  options: RenderOptions,
  folders: { work: string; outDir: string; publicDir: string; cacheDir: string; viteCacheDir: string },
): Promise<void> {
  provideSiteContent(content)
  provideBuildOptions({
    leaveUrl: options.leaveUrl ?? defaultBuildOptions.leaveUrl,
    siteUrl: options.siteUrl ?? defaultBuildOptions.siteUrl,
    storiesPerPage: options.storiesPerPage ?? defaultBuildOptions.storiesPerPage,
  })
  await build(
    astroConfig({
      // The run's own folder is Astro's root: its `.astro/` stays there.
      root: folders.work,
      outDir: folders.outDir,
      publicDir: folders.publicDir,
      cacheDir: folders.cacheDir,
      viteCacheDir: folders.viteCacheDir,
      imageHosts: options.imageHosts ?? ['127.0.0.1', 'localhost'],
      quiet: options.quiet ?? false,
    }),
  )
}

/**
 * Only the pages of content already checked by its caller, into `outDir` (replaced when whole): no
 * consent gate, media copy, search index, sitemap or ledger. Not a way to publish: buildSite is.
 */
export async function renderSiteContent(options: RenderOptions & { content: SiteContent; outDir: string }): Promise<void> {
  const folders = buildFolders(options.outDir)
  try {
    await renderPages(options.content, options, { ...folders, outDir: folders.staging })
    folders.swapIn()
  } finally {
    folders.remove()
  }
}
