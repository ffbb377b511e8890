// The public site that follows the archive without anyone running a build: it serves the last
// build, listens to the backend, and on every change (1) asks the consent core at once whether the
// story concerned may still be public, taking it off within seconds if not, and showing within
// seconds a story just published, from a small build of its own (fastConsentCheck.ts,
// buildIncrement.ts), and (2) rebuilds the whole site in the background at low priority, in a
// process of its own (rebuildScheduler.ts), then serves the new build (servedBuild.ts).
import type { SanityClient } from '@sanity/client'
import { serve } from '@hono/node-server'
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { BuildSiteOptions, SiteBuildReport } from '../build/buildSite.ts'
import type { BuiltStory } from '../build/siteBuildReport.ts'
import { buildInChildProcess, incrementInChildProcess, startBuildProcess, type BuildProcess } from '../build/buildInChildProcess.ts'
import { changedStories } from './changedStories.ts'
import { fastConsentCheck } from './fastConsentCheck.ts'
import { liveSiteApp } from './liveSiteApp.ts'
import { rebuildScheduler } from './rebuildScheduler.ts'
import { servedBuild } from './servedBuild.ts'
import { publicStories, testimonyConcerned } from './storyGate.ts'

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
  /** Runs a full build: in a child process of its own by default (a seam for tests of what happens while one runs). */
  fullBuild?: typeof buildInChildProcess
}

export interface LiveSite {
  port: number
  /** Resolves when no rebuild is running or waiting (for tests and benchmarks). */
  settled(): Promise<void>
  /** Slugs taken off by the fast path and not yet reflected by a rebuild. */
  withdrawnNow(): string[]
  /** Slugs published since the served full build, shown from their increments. */
  addedNow(): string[]
  /** What the site shows of a story (its pages, the pages with its card, …), from the full build or its increment. */
  shownStory(slug: string): BuiltStory | undefined
  /** The report of the last build served (for the benchmark and logs). */
  lastBuild(): SiteBuildReport | null
  stop(): Promise<void>
}

// Below the Studio's and the increments' priority (`nice`), so that a rebuild does not slow them.
const rebuildNiceness = 10

// How long the first build waits for the listener's welcome before it starts anyway.
const firstWelcomeWaitMs = 10_000

// What the publisher reads: public stories (publishing, withdrawing and erasing rewrite them) and the public content.
const watchedTypes = ['publicStory', 'ceremony', 'theme', 'lesson', 'glossaryTerm', 'supportService', 'siteSettings']

export async function startLiveSite(options: LiveSiteOptions): Promise<LiveSite> {
  mkdirSync(options.folder, { recursive: true })
  // Builds and increments a stopped or crashed run left here (whole, half-built with their search
  // index beside them, or moved aside) hold stories' text, maybe one withdrawn or erased since: this
  // run's first build replaces them all.
  for (const name of readdirSync(options.folder))
    if (/^(build|added)-\d+(\.(building|replaced)-[\w.-]+)?$/.test(name))
      rmSync(join(options.folder, name), { recursive: true, force: true })
  const ledgerPath = join(options.folder, 'published.json')
  const output = servedBuild(options.folder)
  const stopping = new AbortController()
  // A story just published is shown from a small build of its own (buildIncrement.ts), one at a time,
  // long before the full rebuild has folded it into the whole site.
  const publishing = new Set<string>()
  let increments: Promise<void> = Promise.resolve()
  // Started ahead, so that a publication does not wait for Node to load Astro (about two seconds).
  let spare: BuildProcess | null = null
  const takeSpare = () => {
    const ready = spare?.ready() ? spare : startBuildProcess()
    spare = null
    return ready
  }
  // What a build left out and why (a story not well formed, two testimonies at one address): said
  // when it first appears, not again on every rebuild while it lasts.
  let problemsTold = new Set<string>()
  const tellProblems = (problems: ReadonlyArray<string>, build: 'full' | 'increment') => {
    for (const problem of problems) if (!problemsTold.has(problem)) options.log(`A story is left out of the site: ${problem}`)
    problemsTold = build === 'full' ? new Set(problems) : new Set([...problemsTold, ...problems])
  }
  const publish = (testimonyId: string) => {
    if (publishing.has(testimonyId)) return
    publishing.add(testimonyId)
    increments = increments.then(async () => {
      const started = Date.now()
      try {
        // On the site already, unless taken off: published again (a corrected text), it is shown anew.
        const slug = output.slugOf(testimonyId)
        if ((slug !== undefined && !consent.isOff(slug)) || stopping.signal.aborted) return
        const report = await incrementInChildProcess(
          {
            quiet: true,
            ...options.build,
            client: options.client,
            outDir: output.nextIncrementDir(),
            today: options.today(),
            ledgerPath,
            only: [testimonyId],
          },
          { signal: stopping.signal, process: takeSpare() },
        )
        if (!stopping.signal.aborted) spare = startBuildProcess()
        tellProblems(report.problems, 'increment')
        const added = output.add(report, started, consent.isOff)
        consent.additionsChanged()
        const { load, astro, search } = report.milliseconds
        for (const id of added)
          options.log(
            `A story was published on the site (${output.slugOf(id) ?? id}) in ${Date.now() - started} ms (reading ${load}, Astro ${astro}, search ${search}); the full rebuild follows.`,
          )
        // Withdrawn while its increment ran: asked about now that the site shows it.
        if (added.length > 0) consent.ask(added)
      } catch (error) {
        if (!stopping.signal.aborted)
          options.log(
            `A story just published could not be shown before the full rebuild: ${error instanceof Error ? error.message : String(error)}`,
          )
      } finally {
        publishing.delete(testimonyId)
      }
    })
  }
  const changes = changedStories()
  const consent = fastConsentCheck({
    judge: (ids) => publicStories(options.client, ids, options.today()),
    concerned: testimonyConcerned,
    slugOf: output.slugOf,
    builtStories: output.servedStories,
    addedStory: output.addedStory,
    appeared: publish,
    log: options.log,
  })
  const scheduler = rebuildScheduler({
    async rebuild(today, signal) {
      // A publication's increment first: it is what a reader waits for, and the full build's reading
      // of every story keeps the lake busy (and, under npm start, the site in the same process).
      await increments
      const started = Date.now()
      const heardBefore = changes.mark()
      const outDir = output.nextOutDir()
      // Each build in a fresh process: Astro keeps pages of an earlier build in the same process.
      // At low priority: the therapists' Studio and a publication's increment come first.
      const report = await (options.fullBuild ?? buildInChildProcess)(
        { quiet: true, ...options.build, client: options.client, outDir, today, ledgerPath },
        { signal, niceness: rebuildNiceness },
      )
      // A story taken off while it ran may be in it with her earlier text: an increment of her new one stays.
      const takenOff = consent.takenOffSince(started)
      const firstPublished = output.serve(outDir, report, started, (slug) => takenOff.has(slug))
      tellProblems(report.problems, 'full')
      consent.rebuilt(started)
      // A story this build published for the first time may have been withdrawn while it ran; the
      // fast path did not know its address then, so it is asked about now, if it changed meanwhile.
      const changedMeanwhile = changes.since(heardBefore, firstPublished)
      changes.forget(heardBefore)
      if (changedMeanwhile.length > 0) consent.ask(changedMeanwhile)
      const { load, astro, search, total } = report.milliseconds
      options.log(
        `The site was rebuilt: ${report.stories} stories, ${report.removed} removed, in ${total} ms (reading ${load}, Astro ${astro}, search ${search}).`,
      )
    },
    failed: (error) =>
      options.log(
        `The site could not be rebuilt, the last build is still served: ${error instanceof Error ? error.message : String(error)}`,
      ),
    today: options.today,
    delayMs: options.rebuildDelayMs ?? 1_000,
    // Consent ends on its review date, and a story held until a day is published on it: a new day rebuilds.
    dayCheckMs: options.dayCheckMs ?? 60_000,
  })

  let connections = 0
  let welcomed = () => {}
  const listening = new Promise<void>((resolve) => (welcomed = resolve))
  const subscription = options.client
    .listen(`*[_type in $types]`, { types: watchedTypes }, { events: ['welcome', 'mutation'], includeResult: false, visibility: 'query' })
    .subscribe({
      next: (event) => {
        // Back after a lost connection (the lake restarted, the network dropped): changes may have
        // been missed, so every story on the site is asked about again, and the site rebuilt.
        if (event.type === 'welcome') {
          changes.listening()
          if (connections++ === 0) return welcomed()
          options.log('The site is listening to the archive again; checking every story.')
          consent.ask(output.testimonies())
          scheduler.schedule()
          return
        }
        if (event.type !== 'mutation') return
        const concerned = testimonyConcerned(event.documentId)
        if (concerned) changes.changed(concerned)
        consent.changed(event.documentId)
        scheduler.schedule()
      },
      error: (error: unknown) => options.log(`The site stopped listening to the archive: ${String(error)}`),
    })

  // The first build waits (a little) until the site hears changes, so that afterwards it need ask again
  // only about the stories that changed while it ran (changedStories.ts), not every one.
  let waiting: ReturnType<typeof setTimeout> | undefined
  await Promise.race([listening, new Promise((resolve) => (waiting = setTimeout(resolve, firstWelcomeWaitMs)))])
  clearTimeout(waiting)
  await scheduler.buildNow()
  spare = startBuildProcess()
  const app = liveSiteApp({
    root: output.root,
    refused: consent.refused,
    additions: output.additions.all,
    addedFile: output.additions.file,
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname ?? '127.0.0.1' }, () => resolve(started))
  })
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    async settled() {
      let waited: Promise<void> | null = null
      while (waited !== increments) {
        waited = increments
        await waited
        await scheduler.settled()
      }
    },
    withdrawnNow: consent.withdrawnNow,
    addedNow: () => output.additions.all().map((addition) => addition.slug),
    shownStory: (slug) => output.builtStories()[slug],
    lastBuild: output.report,
    async stop() {
      subscription.unsubscribe()
      stopping.abort()
      await scheduler.stop()
      await increments
      await spare?.stop()
      output.additions.clear()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
