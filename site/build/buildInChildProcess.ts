// Runs `buildSite` (or a publication's increment, `buildIncrement`) in a fresh Node process (see childBuild.ts for why) and answers its report.
// The token travels over the IPC channel, never on a command line or in the environment.
import type { SanityClient } from '@sanity/client'
import { fork } from 'node:child_process'
import { setPriority } from 'node:os'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ownBuildFolder, removeStaging } from './buildFolders.ts'
import type { BuildIncrementOptions } from './buildIncrement.ts'
import type { BuildSiteOptions } from './buildSite.ts'
import { incrementReport, type IncrementReport } from './incrementReport.ts'
import { siteBuildReport, type SiteBuildReport } from './siteBuildReport.ts'
import { buildAnswer, clientPerspective, type BuildRequest } from './childBuildMessages.ts'
import { HintedError, parseOrExplain } from '../../core/index.ts'

const childBuild = fileURLToPath(new URL('./childBuild.ts', import.meta.url))

export interface ChildProcessOptions {
  /** Stops the process (the live site stopping mid-build). */
  signal?: AbortSignal
  /** Its scheduling priority (`nice`, 0 to 19): the full rebuild yields the cores to the Studio and to increments. */
  niceness?: number
}

/** Builds the whole site in a child process. */
export async function buildInChildProcess(options: BuildSiteOptions, child: ChildProcessOptions = {}): Promise<SiteBuildReport> {
  const report = await startBuildProcess(child.niceness).run(options, child.signal)
  return parseOrExplain(siteBuildReport, report, "the site build process's report", reportHint)
}

/** Builds a publication's increment (buildIncrement.ts) in a child process, a fresh one or one started before. */
export async function incrementInChildProcess(
  options: BuildIncrementOptions,
  child: ChildProcessOptions & { process?: BuildProcess } = {},
): Promise<IncrementReport> {
  const report = await (child.process ?? startBuildProcess(child.niceness)).run(options, child.signal)
  return parseOrExplain(incrementReport, report, "the increment process's report", reportHint)
}

const reportHint = 'the build process and the site run different code: restart the site after an update.'

/** A build process started before its one request, so that its modules are loaded when it comes. */
export interface BuildProcess {
  /** Whether it can still take its request. */
  ready(): boolean
  /** Sends its request; resolves with its report once it has ended. */
  run(options: BuildSiteOptions | BuildIncrementOptions, signal?: AbortSignal): Promise<unknown>
  /** Ends it unused; resolves once its folders are removed. */
  stop(): Promise<void>
}

export function startBuildProcess(niceness?: number): BuildProcess {
  // A working directory of its own, also its working folder: Astro writes pre-rendering chunks to
  // `<cwd>/.astro/` (for an output outside it) and deletes them when done, under the feet of a build
  // sharing that folder. Removed here, with the staging folder, once the process has ended.
  const cwd = ownBuildFolder('process')
  let outDir: string | null = null
  let asked = false
  // Plain Node: the parent may run under a test runner whose loader flags the child must not inherit.
  const child = fork(childBuild, [], { cwd, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  // Lowered once started; a priority it can not take (no such process any more) changes nothing.
  if (niceness !== undefined && child.pid !== undefined) {
    try {
      setPriority(child.pid, niceness)
    } catch {
      // It ended already: its 'close' tells the rest.
    }
  }
  let outcome: { report: unknown } | { error: Error } | null = null
  child.once('message', (message: unknown) => {
    const answer = buildAnswer.safeParse(message)
    if (!answer.success) outcome = { error: new Error('The site build process answered something that is not a build report') }
    else outcome = answer.data.ok ? { report: answer.data.report } : { error: new HintedError(answer.data.message, answer.data.hint) }
  })
  const ended = new Promise<unknown>((resolve, reject) => {
    const removeFolders = () => {
      rmSync(cwd, { recursive: true, force: true })
      if (outDir) removeStaging(outDir, cwd)
    }
    child.once('error', (error) => {
      outcome ??= { error }
      // A process that never started sends no 'close'.
      if (child.pid === undefined) {
        removeFolders()
        reject(error)
      }
    })
    // 'close', not 'exit': by then every message the process sent has arrived, and it writes no more.
    child.once('close', (code) => {
      removeFolders()
      if (outcome && 'report' in outcome) resolve(outcome.report)
      else reject(outcome?.error ?? new Error(`The site build process stopped without a report (exit code ${code})`))
    })
  })
  // Not asked yet, it may end (stopped, or it failed to start): that is no one's failure but its asker's.
  ended.catch(() => {})
  const alive = () => child.exitCode === null && child.signalCode === null && child.connected
  return {
    ready: () => !asked && alive(),
    run(options, signal) {
      if (asked) return Promise.reject(new Error('A site build process takes one request; start another'))
      asked = true
      if (!alive()) return ended.then(() => Promise.reject(new Error('The site build process ended before its request')))
      const { client, ...rest } = options
      outDir = options.outDir
      let request: BuildRequest
      try {
        request = { ...rest, client: clientSettings(client), workDir: cwd }
      } catch (error) {
        child.kill()
        return ended.catch(() => {}).then(() => Promise.reject(error instanceof Error ? error : new Error(String(error))))
      }
      if (signal?.aborted) child.kill()
      signal?.addEventListener('abort', () => child.kill(), { once: true })
      child.send(request)
      return ended
    },
    stop: () => {
      if (alive()) child.kill()
      return ended.then(
        () => {},
        () => {},
      )
    },
  }
}

function clientSettings(client: SanityClient): BuildRequest['client'] {
  const config = client.config()
  const { projectId, dataset, apiVersion } = config
  if (!projectId || !dataset || !apiVersion)
    throw new HintedError(
      'The site build needs a client with a project id, a dataset and an API version',
      'make the client with lakeClient() or siteBackend(), which set all three.',
    )
  return {
    projectId,
    dataset,
    apiHost: config.apiHost,
    useProjectHostname: config.useProjectHostname ?? true,
    apiVersion,
    perspective: clientPerspective.parse(config.perspective ?? 'published', {
      error: () => 'The site is built from one named perspective (published, raw, drafts or previewDrafts)',
    }),
    ...(config.token ? { token: config.token } : {}),
  }
}
