// The folders of one site build, its own so that builds can not collide (`npm run build` while the
// live site rebuilds, or two builds from one checkout): a working folder for Astro's caches and the
// public files, and a staging folder beside the output that is swapped in when the build is whole.
// Astro also writes pre-rendering chunks to `<cwd>/.astro/` when the output is outside the working
// directory (and deletes them when done), so each build process runs in its own working directory
// too. They live under the checkout's node_modules/.cache, where the chunks still find the packages.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { HintedError } from '../../core/index.ts'

/** Where builds keep their working folders while they run (each removes its own). */
export const buildsRoot = fileURLToPath(new URL('../../node_modules/.cache/site-builds/', import.meta.url))

/** The checkout: Astro, run with a build's own folder as its root, finds its packages above it. */
const checkout = fileURLToPath(new URL('../../', import.meta.url))

/** The file naming the process a build folder belongs to. */
const ownerFile = 'owner.pid'

/**
 * A new folder of its own under buildsRoot, named as this process's. The folders of processes that
 * are gone (killed half-way, so nothing removed them) go first: they hold a build's staged pages of the
 * public stories, their recordings and its image cache, which an erasure since must not leave.
 */
export function ownBuildFolder(kind: 'build' | 'process' | 'dev'): string {
  mkdirSync(buildsRoot, { recursive: true })
  removeAbandonedFolders()
  const folder = mkdtempSync(join(buildsRoot, `${kind}-`))
  writeFileSync(join(folder, ownerFile), String(process.pid))
  return folder
}

function removeAbandonedFolders(): void {
  for (const name of readdirSync(buildsRoot)) {
    const owner = join(buildsRoot, name, ownerFile)
    // A folder without its owner's name is one being made this instant: left alone.
    if (!existsSync(owner)) continue
    if (!isRunning(Number(readFileSync(owner, 'utf8')))) rmSync(join(buildsRoot, name), { recursive: true, force: true })
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM'
  }
}

export interface BuildFolders {
  /** Astro's and Vite's caches and the public files of this build only, removed afterwards. */
  work: string
  publicDir: string
  cacheDir: string
  viteCacheDir: string
  /** Where the site is built, beside the output folder (the same disk, so a rename puts it in place). */
  staging: string
  /** Where the search index is written while Astro renders into `staging` (Astro owns that folder until done). */
  searchStaging: string
  /** Puts the finished build in place of the output folder. */
  swapIn(): void
  /** Removes the staging folder (unless swapped in), the search index beside it and the working folder it made itself. */
  remove(): void
}

/** The staging folder of the build working in `work`, beside the output folder. */
export const stagingFolder = (outDir: string, work: string) => `${outDir.replace(/\/+$/, '')}.building-${basename(work)}`
/** Where that build writes its search index while Astro renders into the staging folder. */
const searchStagingOf = (staging: string) => `${staging}.search`

/** Removes the staging folder and the search index of the build working in `work` (they hold stories' text). */
export function removeStaging(outDir: string, work: string): void {
  const staging = stagingFolder(outDir, work)
  rmSync(staging, { recursive: true, force: true })
  rmSync(searchStagingOf(staging), { recursive: true, force: true })
}

/**
 * This build's folders. `workDir`, when given, is a folder of its own that its maker removes (with
 * the staging folders, `removeStaging(outDir, workDir)`) even if the build is stopped half-way.
 */
export function buildFolders(outDir: string, workDir?: string): BuildFolders {
  if (workDir !== undefined && relative(checkout, resolve(workDir)).startsWith('..'))
    throw new HintedError(
      `A site build's working folder must be inside the checkout (${checkout}); ${workDir} is not.`,
      "leave workDir out (the build makes its own under node_modules/.cache/site-builds/), or use ownBuildFolder('build').",
    )
  const work = workDir ?? ownBuildFolder('build')
  const target = outDir.replace(/\/+$/, '')
  mkdirSync(dirname(target), { recursive: true })
  removeAbandonedStaging(target)
  const staging = stagingFolder(target, work)
  return {
    work,
    publicDir: join(work, 'public'),
    cacheDir: join(work, 'cache'),
    viteCacheDir: join(work, 'vite'),
    staging,
    searchStaging: searchStagingOf(staging),
    swapIn: () => replaceFolder(staging, target),
    remove() {
      if (!workDir) rmSync(work, { recursive: true, force: true })
      removeStaging(target, work)
    },
  }
}

/**
 * The staging folders (and search indexes) beside this output of builds that are gone, killed
 * half-way (`npm run build` stopped with Ctrl-C, say): they hold stories' text, maybe of a story
 * erased since. A build is gone when its working folder under buildsRoot is (ownBuildFolder removes
 * those of ended processes before it makes one).
 */
function removeAbandonedStaging(target: string): void {
  const prefix = `${basename(target)}.building-`
  for (const name of readdirSync(dirname(target))) {
    const work = name.startsWith(prefix) ? name.slice(prefix.length).replace(/\.search$/, '') : null
    if (work && /^(build|process|dev)-\w+$/.test(work) && !existsSync(join(buildsRoot, work)))
      rmSync(join(dirname(target), name), { recursive: true, force: true })
  }
}

const codeOf = (error: unknown) => (error instanceof Error && 'code' in error ? error.code : null)

/**
 * Replaces `target` by `built` with renames: the old output is moved aside, the new one takes its
 * place, the old one is removed. When another build put its output there in between, that one is
 * moved aside in turn: the last build to finish is the one served, and every build finishes.
 */
export function replaceFolder(built: string, target: string): void {
  for (let attempt = 1; ; attempt++) {
    const aside = `${target}.replaced-${randomUUID().slice(0, 8)}`
    try {
      renameSync(target, aside)
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw error
    }
    try {
      renameSync(built, target)
      return
    } catch (error) {
      const taken = codeOf(error) === 'ENOTEMPTY' || codeOf(error) === 'EEXIST'
      if (!taken || attempt >= 10) throw error
    } finally {
      rmSync(aside, { recursive: true, force: true })
    }
  }
}
