// What the live site serves: the folder of the last whole build, its report, and which testimony's
// story is at which address in it. A new build takes the place of the old, whose folder is removed.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { BuiltStory, SiteBuildReport } from '../build/siteBuildReport.ts'

export interface ServedBuild {
  /** The folder being served; null before the first build is done. */
  root: () => string | null
  report: () => SiteBuildReport | null
  builtStories: () => Readonly<Record<string, BuiltStory>>
  /** The address of a testimony's story on the site, if it is there. */
  slugOf: (testimonyId: string) => string | undefined
  testimonies: () => string[]
  /** A folder for the next build, beside the others. */
  nextOutDir: () => string
  /** Serves this build from now on and removes the one before; answers the testimonies it is the first to publish. */
  serve: (outDir: string, report: SiteBuildReport) => string[]
}

export function servedBuild(folder: string): ServedBuild {
  let root: string | null = null
  let report: SiteBuildReport | null = null
  let generation = 0
  let served = new Map<string, string>()
  return {
    root: () => root,
    report: () => report,
    builtStories: () => report?.builtStories ?? {},
    slugOf: (testimonyId) => served.get(testimonyId),
    testimonies: () => [...served.keys()],
    nextOutDir: () => join(folder, `build-${++generation}`),
    serve(outDir, built) {
      const old = root
      const before = served
      root = outDir
      report = built
      served = new Map(built.published.map((entry) => [entry.id, entry.slug]))
      if (old && old !== outDir) rmSync(old, { recursive: true, force: true })
      return [...served.keys()].filter((id) => !before.has(id))
    },
  }
}
