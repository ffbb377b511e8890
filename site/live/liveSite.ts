// The public site that follows the archive without anyone running a build: it serves the last
// build, listens to the backend, and on every change (1) asks the consent core at once whether the
// story concerned may still be public, taking it off within seconds if not, and (2) rebuilds the
// whole site in the background, in a process of its own, then serves the new build.
import type { SanityClient } from '@sanity/client'
import { serve } from '@hono/node-server'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { BuildSiteOptions, SiteBuildReport } from '../build/buildSite.ts'
import { buildInChildProcess } from '../build/buildInChildProcess.ts'
import { liveSiteApp } from './liveSiteApp.ts'
import { storyFragments } from './searchFragments.ts'
import { publicStories, testimonyConcerned } from './storyGate.ts'
import { isPublishedId } from '../../core/index.ts'

export interface LiveSiteOptions {
  /** A publisher-token client of the backend (the lake or hosted Sanity). */
  client: SanityClient
  /** Where builds and the publication ledger are kept. */
  folder: string
  port: number
  hostname?: string
  today: () => string
  log: (line: string) => void
  /** Quiet time after the last change before the full rebuild starts. */
  rebuildDelayMs?: number
  /** How often it asks `today()` whether a new day began (a new day rebuilds); a minute by default. */
  dayCheckMs?: number
  build?: Partial<Omit<BuildSiteOptions, 'client' | 'outDir' | 'today' | 'ledgerPath'>>
}

export interface LiveSite {
  port: number
  /** Resolves when no rebuild is running or waiting (for tests and benchmarks). */
  settled(): Promise<void>
  /** Slugs taken off by the fast path and not yet reflected by a rebuild. */
  withdrawnNow(): string[]
  /** The report of the last build served (for the benchmark and logs). */
  lastBuild(): SiteBuildReport | null
  stop(): Promise<void>
}

// What the publisher reads: public stories (publishing, withdrawing and erasing rewrite them) and the public content.
const watchedTypes = ['publicStory', 'ceremony', 'theme', 'lesson', 'glossaryTerm', 'supportService', 'siteSettings']

export async function startLiveSite(options: LiveSiteOptions): Promise<LiveSite> {
  mkdirSync(options.folder, { recursive: true })
  const ledgerPath = join(options.folder, 'published.json')
  let root: string | null = null
  let generation = 0
  let served = new Map<string, string>()
  let fragments = new Map<string, Set<string>>()
  const withdrawn = new Map<string, number>()
  // What the HTTP layer asks on every request, worked out once per change instead.
  let refused = { slugs: new Set<string>(), fragments: new Set<string>() }
  const refreshRefused = () => {
    const slugs = new Set(withdrawn.keys())
    refused = { slugs, fragments: new Set([...slugs].flatMap((slug) => [...(fragments.get(slug) ?? [])])) }
  }
  let building: Promise<void> | null = null
  let again = false
  let timer: NodeJS.Timeout | null = null
  let builtDay = ''
  let lastBuild: SiteBuildReport | null = null
  const stopping = new AbortController()

  const rebuild = async () => {
    const started = Date.now()
    const outDir = join(options.folder, `build-${++generation}`)
    const today = options.today()
    // Each build in a fresh process: Astro keeps pages of an earlier build in the same process.
    const report = await buildInChildProcess(
      { quiet: true, ...options.build, client: options.client, outDir, today, ledgerPath },
      stopping.signal,
    )
    const old = root
    root = outDir
    lastBuild = report
    builtDay = today
    const servedBefore = served
    served = new Map(report.published.map((entry) => [entry.id, entry.slug]))
    // A story this build published for the first time may have been withdrawn while it ran; the
    // fast path did not know its address then, so it is asked about now.
    const firstPublished = [...served.keys()].filter((id) => !servedBefore.has(id))
    if (firstPublished.length > 0) check(() => checkStories(firstPublished))
    fragments = storyFragments(outDir)
    for (const [slug, at] of withdrawn) if (at < started) withdrawn.delete(slug)
    refreshRefused()
    if (old) rmSync(old, { recursive: true, force: true })
    options.log(`The site was rebuilt: ${report.stories} stories, ${report.removed} removed, in ${report.milliseconds.total} ms.`)
  }
  const runBuilds = async (): Promise<void> => {
    do {
      again = false
      try {
        await rebuild()
      } catch (error) {
        if (stopping.signal.aborted) return
        options.log(
          `The site could not be rebuilt, the last build is still served: ${error instanceof Error ? error.message : String(error)}`,
        )
      }
    } while (again)
  }
  const scheduleRebuild = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      if (building) {
        again = true
        return
      }
      building = runBuilds().finally(() => (building = null))
    }, options.rebuildDelayMs ?? 1_000)
  }

  // The fast path: the consent core asked about the stories concerned, in one query.
  const takeOff = (slug: string) => {
    withdrawn.set(slug, Date.now())
    refreshRefused()
    options.log(`A story was taken off the site (${slug}); the rebuild follows.`)
  }
  const checkStories = async (testimonyIds: ReadonlyArray<string>) => {
    const onSite = testimonyIds.filter((id) => served.has(id) && !withdrawn.has(served.get(id) ?? ''))
    if (onSite.length === 0) return
    const allowed = await publicStories(options.client, onSite, options.today())
    for (const id of onSite) {
      const slug = served.get(id)
      if (slug && !allowed.has(id)) takeOff(slug)
    }
  }
  const checkChange = async (documentId: string) => {
    if (!isPublishedId(documentId)) return
    const testimonyId = testimonyConcerned(documentId)
    if (testimonyId) await checkStories([testimonyId])
  }
  let checks: Promise<void> = Promise.resolve()
  const check = (work: () => Promise<void>) => {
    checks = checks.then(work).catch((error: unknown) => options.log(`Checking a change failed: ${String(error)}`))
  }
  let connections = 0
  const subscription = options.client
    .listen(`*[_type in $types]`, { types: watchedTypes }, { events: ['welcome', 'mutation'], includeResult: false, visibility: 'query' })
    .subscribe({
      next: (event) => {
        // Back after a lost connection (the lake restarted, the network dropped): changes may have
        // been missed, so every story on the site is asked about again, and the site rebuilt.
        if (event.type === 'welcome') {
          if (connections++ === 0) return
          options.log('The site is listening to the archive again; checking every story.')
          check(() => checkStories([...served.keys()]))
          scheduleRebuild()
          return
        }
        if (event.type !== 'mutation') return
        check(() => checkChange(event.documentId))
        scheduleRebuild()
      },
      error: (error: unknown) => options.log(`The site stopped listening to the archive: ${String(error)}`),
    })
  // Consent ends on its review date, and a story held until a day is published on it: a new day rebuilds.
  const daily = setInterval(() => builtDay !== options.today() && !timer && !building && scheduleRebuild(), options.dayCheckMs ?? 60_000)

  const app = liveSiteApp({
    root: () => root,
    withdrawn: () => refused.slugs,
    withdrawnFragments: () => refused.fragments,
  })
  building = runBuilds().finally(() => (building = null))
  await building
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname ?? '127.0.0.1' }, () => resolve(started))
  })
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    async settled() {
      while (timer || building) await (building ?? new Promise((r) => setTimeout(r, 50)))
    },
    withdrawnNow: () => [...withdrawn.keys()],
    lastBuild: () => lastBuild,
    async stop() {
      subscription.unsubscribe()
      clearInterval(daily)
      if (timer) clearTimeout(timer)
      stopping.abort()
      await building
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
