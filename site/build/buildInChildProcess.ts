// Runs `buildSite` in a fresh Node process (see childBuild.ts for why) and answers its report.
// The token travels over the IPC channel, never on a command line or in the environment.
import type { SanityClient } from '@sanity/client'
import { fork } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ownBuildFolder, stagingFolder } from './buildFolders.ts'
import type { BuildSiteOptions, SiteBuildReport } from './buildSite.ts'
import { buildAnswer, clientPerspective, type BuildRequest } from './childBuildMessages.ts'
import { HintedError } from '../../core/index.ts'

const childBuild = fileURLToPath(new URL('./childBuild.ts', import.meta.url))

/** Builds in a child process; `signal` stops the process (the live site stopping mid-build). */
export function buildInChildProcess(options: BuildSiteOptions, signal?: AbortSignal): Promise<SiteBuildReport> {
  const { client, ...rest } = options
  // A working directory of its own, also its working folder: Astro writes pre-rendering chunks to
  // `<cwd>/.astro/` (for an output outside it) and deletes them when done, under the feet of a build
  // sharing that folder. Removed here, with the staging folder, once the process has ended.
  const cwd = ownBuildFolder('process')
  const request: BuildRequest = { ...rest, client: clientSettings(client), workDir: cwd }
  const removeFolders = () => {
    rmSync(cwd, { recursive: true, force: true })
    rmSync(stagingFolder(options.outDir, cwd), { recursive: true, force: true })
  }
  return new Promise<SiteBuildReport>((resolve, reject) => {
    // Plain Node: the parent may run under a test runner whose loader flags the child must not inherit.
    const child = fork(childBuild, [], {
      cwd,
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      ...(signal ? { signal } : {}),
    })
    let outcome: { report: SiteBuildReport } | { error: Error } | null = null
    child.once('message', (message: unknown) => {
      const answer = buildAnswer.safeParse(message)
      if (!answer.success) outcome = { error: new Error('The site build process answered something that is not a build report') }
      else outcome = answer.data.ok ? { report: answer.data.report } : { error: new HintedError(answer.data.message, answer.data.hint) }
    })
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
    child.send(request)
  })
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
