// Astro's development server over the archive, for whoever works on the pages: the content is loaded
// through the consent gate exactly as a build loads it (loadSiteContent, then the recordings copied
// in), handed to the site's content loader, the search index is written for it, and Astro serves
// site/src with hot reload. The content is read once, at start: restart it to see the archive's
// later changes. Its own folder (recordings, search index, caches) is removed when it stops.
import type { SanityClient } from '@sanity/client'
import { dev } from 'astro'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { defaultBuildOptions, provideBuildOptions } from '../content/buildOptions.ts'
import { provideSiteContent } from '../content/contentBridge.ts'
import { loadSiteContent } from '../content/contentLoader.ts'
import { writeSearchIndex } from '../search/searchIndex.ts'
import { astroConfig } from './astroConfig.ts'
import { ownBuildFolder } from './buildFolders.ts'
import { copyMedia } from './mediaFiles.ts'

export interface SiteDevOptions {
  client: SanityClient
  /** Today as YYYY-MM-DD: consent is read as of this day. */
  today: string
  port: number
  host?: string
  siteUrl?: string
  leaveUrl?: string
  imageHosts?: ReadonlyArray<string>
}

export interface SiteDevServer {
  url: string
  stories: number
  problems: string[]
  stop: () => Promise<void>
}

export async function startSiteDev(options: SiteDevOptions): Promise<SiteDevServer> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1'
  const loaded = await loadSiteContent({ client: options.client, today: options.today })
  // Its own folder for the public files (recordings, search index) and caches, removed when it stops.
  const work = ownBuildFolder('dev')
  const publicDir = join(work, 'public')
  try {
    const content = await copyMedia(loaded.content, options.client, publicDir)
    await writeSearchIndex(content, publicDir)
    provideSiteContent(content)
    provideBuildOptions({
      leaveUrl: options.leaveUrl ?? defaultBuildOptions.leaveUrl,
      siteUrl: options.siteUrl ?? defaultBuildOptions.siteUrl,
      storiesPerPage: defaultBuildOptions.storiesPerPage,
    })
    const config = astroConfig({
      root: work,
      outDir: join(work, 'out'),
      publicDir,
      cacheDir: join(work, 'cache'),
      viteCacheDir: join(work, 'vite'),
      imageHosts: options.imageHosts ?? ['127.0.0.1', 'localhost'],
      quiet: true,
    })
    const before = { signal: process.listeners('SIGTERM'), input: process.stdin.listenerCount('end') }
    const server = await dev({ ...config, server: { port: options.port, host: options.host ?? '127.0.0.1' } })
    // Vite ends the process itself on SIGTERM (or when stdin closes), before its caller could revoke
    // the token it minted: its handlers are taken off, and the caller stops the server with stop().
    for (const listener of process.listeners('SIGTERM')) if (!before.signal.includes(listener)) process.off('SIGTERM', listener)
    if (before.input === 0) process.stdin.removeAllListeners('end')
    const host = options.host ?? '127.0.0.1'
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${server.address.port}/`,
      stories: content.stories.length,
      problems: loaded.problems,
      async stop() {
        await server.stop()
        rmSync(work, { recursive: true, force: true })
      },
    }
  } catch (error) {
    rmSync(work, { recursive: true, force: true })
    throw error
  }
}
