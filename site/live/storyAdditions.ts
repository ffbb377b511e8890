// The stories published since the last full build that the live site shows from their increments
// (buildIncrement.ts): each one's own pages, recording and small search index served from its
// increment's folder, its card put on the served pages it belongs on (addedCards.ts), until a full
// build that holds it is served; then its increment's folder is removed. A story taken off and
// published again (a corrected text) is added too, over what the served build made of her earlier text.
import { rmSync } from 'node:fs'
import { relative, sep } from 'node:path'
import type { AddedStory, IncrementReport } from '../build/incrementReport.ts'
import type { BuiltStory } from '../build/siteBuildReport.ts'
import { additionIndexPath } from '../search/searchAdditions.ts'
import { builtFile } from './builtFile.ts'
import { pageChanges, type PageChange } from './addedCards.ts'

export interface Addition {
  id: string
  slug: string
  /** Its increment's folder. */
  root: string
  /** When its increment started (before it read the archive). */
  startedAt: number
  /** Its own pages, sitemap entries, fragments and recording; `lists` are the served pages it changes. */
  story: BuiltStory
  changes: ReadonlyMap<string, PageChange>
  /** The languages of its small search index. */
  searchLanguages: AddedStory['searchLanguages']
  /** Its increment's pages that show its card (one of them may replace an empty list's page). */
  cards: Readonly<Record<string, string>>
  /** Where its card goes on the pages that are not one list in address order (incrementReport.ts). */
  places: AddedStory['places']
}

/** A file served for an added story: where it is, and its path on the site. */
export interface AddedFile {
  path: string
  type: string
  sitePath: string
  /** The story it is of. */
  slug: string
  /** A script or style named by its content, which the full build may hold too. */
  shared: boolean
}

export interface StoryAdditions {
  /**
   * Adds an increment's stories not already on the served site (or there and taken off: `replaceable`),
   * unless the served build started after the increment (it read the archive later: a story it does
   * not hold is not public any more); answers their testimonies.
   */
  add(report: IncrementReport, startedAt: number, served: ServedLists & { startedAt: number }): string[]
  /**
   * A full build that started at `startedAt` is served: a story it holds is no longer added (unless
   * it holds her earlier text, taken off since: `replaceable`), nor one whose increment started before
   * it (the build read the archive later: she withdrew); the others' cards are placed on its pages.
   */
  rebase(startedAt: number, served: ServedLists): void
  all: () => ReadonlyArray<Addition>
  /** The file an added story's page, recording, script or search index is served from, if any. */
  file: (pathname: string) => AddedFile | null
  /** Removes every increment's folder (the live site stopping). */
  clear(): void
}

/** What the served full build shows: whether a story is on it, its cards by page, and each testimony's address. */
export interface ServedLists {
  onSite: (slug: string) => boolean
  shown: ReadonlyMap<string, ReadonlyArray<string>>
  /** The address of a testimony's story, on the served build or added since (a lesson's order may name either). */
  slugOf: (testimonyId: string) => string | undefined
  /** Whether what the served build made of this story is taken off, so that an increment may take its place. */
  replaceable: (slug: string) => boolean
}

const sitePathOf = (root: string, file: string) => `/${relative(root, file).split(sep).join('/')}`.replace(/\/index\.html$/, '/')

export function storyAdditions(): StoryAdditions {
  let additions: Addition[] = []
  const removeUnused = (roots: ReadonlyArray<string>) => {
    for (const root of new Set(roots))
      if (!additions.some((addition) => addition.root === root)) rmSync(root, { recursive: true, force: true })
  }
  const placed = (addition: Addition, served: ServedLists): Addition => {
    // Placed among the other stories: the served build's card of her earlier text, if any, is cut.
    const others = { get: (path: string) => served.shown.get(path)?.filter((slug) => slug !== addition.slug) }
    const changes = pageChanges(addition, others, served.slugOf)
    return { ...addition, changes, story: { ...addition.story, lists: [...changes.keys()] } }
  }
  // Not on the served build (or there and taken off), and at the one address the site knows the
  // story by, if any: published again at another, it waits for the full build (the fast path follows a
  // testimony by one address, and would not see the other to take it off).
  const mayShow = ({ id, slug }: { id: string; slug: string }, served: ServedLists) =>
    (!served.onSite(slug) || served.replaceable(slug)) && [undefined, slug].includes(served.slugOf(id))
  return {
    add(report, startedAt, served) {
      const fresh = report.added
        .filter((added) => startedAt >= served.startedAt && mayShow(added, served))
        .filter((added) => served.replaceable(added.slug) || !additions.some((addition) => addition.slug === added.slug))
        .map((added) => placed({ ...added, root: report.outDir, startedAt, changes: new Map() }, served))
      const before = additions
      // An increment of a story taken off gives way to the new one.
      additions = [...before.filter((addition) => !fresh.some((added) => added.slug === addition.slug)), ...fresh]
      removeUnused([report.outDir, ...before.map((addition) => addition.root)])
      return fresh.map((addition) => addition.id)
    },
    rebase(buildStartedAt, served) {
      const before = additions
      additions = before
        .filter((addition) => mayShow(addition, served) && addition.startedAt >= buildStartedAt)
        .map((addition) => placed(addition, served))
      removeUnused(before.map((addition) => addition.root))
    },
    all: () => additions,
    file(pathname) {
      for (const addition of additions) {
        const index = additionIndexPath(addition.slug)
        if (pathname.startsWith(index)) {
          const file = builtFile(addition.root, `/pagefind/${pathname.slice(index.length)}`)
          if (file) return { ...file, sitePath: pathname, slug: addition.slug, shared: false }
          continue
        }
        const file = builtFile(addition.root, pathname)
        if (!file) continue
        const sitePath = sitePathOf(addition.root, file.path)
        const own =
          addition.story.pages.some((page) => page.path === sitePath) ||
          addition.story.media.includes(sitePath) ||
          addition.changes.get(sitePath)?.kind === 'page'
        if (own) return { ...file, sitePath, slug: addition.slug, shared: false }
        // Its scripts and styles, in case the full build's are not the same files.
        if (sitePath.startsWith('/_astro/')) return { ...file, sitePath, slug: addition.slug, shared: true }
      }
      return null
    },
    clear() {
      const roots = additions.map((addition) => addition.root)
      additions = []
      removeUnused(roots)
    },
  }
}
