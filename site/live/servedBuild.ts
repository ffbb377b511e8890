// What the live site serves: the folder of the last whole build, its report, the stories published
// since (storyAdditions.ts), and which testimony's story is at which address. A new build takes the
// place of the old, whose folder is removed, and of the additions it holds.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { IncrementReport } from '../build/incrementReport.ts'
import type { BuiltStory, SiteBuildReport } from '../build/siteBuildReport.ts'
import { cardsByPage } from './addedCards.ts'
import { storyAdditions, type StoryAdditions } from './storyAdditions.ts'

export interface ServedBuild {
  /** The folder being served; null before the first build is done. */
  root: () => string | null
  report: () => SiteBuildReport | null
  /** What the served build and the additions made of each story, by its address. */
  builtStories: () => Readonly<Record<string, BuiltStory>>
  /** What the served full build alone made of each story. */
  servedStories: () => Readonly<Record<string, BuiltStory>>
  /** What the increment shown for a story made of it, and when it started. */
  addedStory: (slug: string) => { story: BuiltStory; startedAt: number } | undefined
  /** The address of a testimony's story on the site, if it is there. */
  slugOf: (testimonyId: string) => string | undefined
  testimonies: () => string[]
  /** A folder for the next build, beside the others. */
  nextOutDir: () => string
  /** A folder for the next publication's increment. */
  nextIncrementDir: () => string
  /**
   * Shows an increment's stories not on the site yet, or taken off (`replaceable`: published again,
   * shown over what the served build made of her earlier text); answers their testimonies.
   */
  add: (report: IncrementReport, startedAt: number, replaceable: (slug: string) => boolean) => string[]
  additions: StoryAdditions
  /**
   * Serves this build from now on and removes the one before; answers the testimonies it is the first
   * to publish. A story it holds and that is `replaceable` (taken off after it started) stays shown from its increment, if any.
   */
  serve: (outDir: string, report: SiteBuildReport, startedAt: number, replaceable: (slug: string) => boolean) => string[]
}

export function servedBuild(folder: string): ServedBuild {
  let root: string | null = null
  let report: SiteBuildReport | null = null
  let generation = 0
  let served = new Map<string, string>()
  let shown = new Map<string, string[]>()
  let servedStartedAt = 0
  let stories: Readonly<Record<string, BuiltStory>> = {}
  const additions = storyAdditions()
  const onSite = (slug: string) => report?.builtStories[slug] !== undefined
  const refresh = () => {
    const added = additions.all().map((addition) => [addition.slug, addition.story] as const)
    stories = added.length === 0 ? (report?.builtStories ?? {}) : { ...report?.builtStories, ...Object.fromEntries(added) }
  }
  const addedSlug = (testimonyId: string) => additions.all().find((addition) => addition.id === testimonyId)?.slug
  const slugOf = (testimonyId: string) => served.get(testimonyId) ?? addedSlug(testimonyId)
  return {
    root: () => root,
    report: () => report,
    builtStories: () => stories,
    slugOf,
    servedStories: () => report?.builtStories ?? {},
    addedStory(slug) {
      const addition = additions.all().find((each) => each.slug === slug)
      return addition ? { story: addition.story, startedAt: addition.startedAt } : undefined
    },
    testimonies: () => [...new Set([...served.keys(), ...additions.all().map((addition) => addition.id)])],
    nextOutDir: () => join(folder, `build-${++generation}`),
    nextIncrementDir: () => join(folder, `added-${++generation}`),
    add(increment, startedAt, replaceable) {
      const added = additions.add(increment, startedAt, { startedAt: servedStartedAt, onSite, shown, slugOf, replaceable })
      refresh()
      return added
    },
    additions,
    serve(outDir, built, startedAt, replaceable) {
      const old = root
      const before = new Set([...served.keys(), ...additions.all().map((addition) => addition.id)])
      root = outDir
      report = built
      served = new Map(built.published.map((entry) => [entry.id, entry.slug]))
      shown = cardsByPage(built.builtStories)
      servedStartedAt = startedAt
      additions.rebase(startedAt, { onSite, shown, slugOf, replaceable })
      refresh()
      if (old && old !== outDir) rmSync(old, { recursive: true, force: true })
      return [...served.keys()].filter((id) => !before.has(id))
    },
  }
}
