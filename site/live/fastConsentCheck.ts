// The live site's fast path: on a change, the consent core is asked at once whether the stories
// concerned may still be public, and a story it refuses is taken off (its pages, cards, sitemap
// entries and search fragments, as the served build's report names them) until a rebuild that
// started after its withdrawal is served. A story not on the site that it now allows was just
// published: the live site is told, to show it at once. Checks run one after another, in the order of the changes.
import { isPublishedId } from '../../core/index.ts'
import type { BuiltStory } from '../build/siteBuildReport.ts'
import type { StoryVerdicts } from './storyGate.ts'
import { nothingRefused, refusedOutput, type RefusedOutput, type RemovalReason } from './withdrawnFilter.ts'

export interface FastConsentCheckOptions {
  /** Of these testimonies, those the consent core allows on the website today, and those she withdrew (storyGate.ts). */
  judge: (testimonyIds: ReadonlyArray<string>) => Promise<StoryVerdicts>
  /** The testimony a changed document concerns, if any. */
  concerned: (documentId: string) => string | null
  /** The address of a testimony's story on the served site, if it is there. */
  slugOf: (testimonyId: string) => string | undefined
  builtStories: () => Readonly<Record<string, BuiltStory>>
  /** A testimony not on the site that the consent core now allows there: it was just published. */
  appeared?: (testimonyId: string) => void
  log: (line: string) => void
  now?: () => number
}

export interface FastConsentCheck {
  /** What of the stories taken off is not served. */
  refused: () => RefusedOutput
  /** Slugs taken off and not yet reflected by a rebuild. */
  withdrawnNow: () => string[]
  /** A document changed: asks about the testimony it concerns. */
  changed: (documentId: string) => void
  /** Asks about these testimonies (every one after a lost connection, the new ones after a rebuild). */
  ask: (testimonyIds: ReadonlyArray<string>) => void
  /** A build that started at `startedAt` is now served: what was taken off before it is not in it. */
  rebuilt: (startedAt: number) => void
}

export function fastConsentCheck(options: FastConsentCheckOptions): FastConsentCheck {
  const now = options.now ?? Date.now
  const withdrawn = new Map<string, { at: number; reason: RemovalReason }>()
  // What the HTTP layer asks on every request, worked out once per change instead.
  let refused = nothingRefused
  const refresh = () =>
    (refused = refusedOutput(options.builtStories(), new Map([...withdrawn].map(([slug, { reason }]) => [slug, reason]))))

  const checkStories = async (testimonyIds: ReadonlyArray<string>) => {
    const onSite = testimonyIds.filter((id) => {
      const slug = options.slugOf(id)
      return slug !== undefined && !withdrawn.has(slug)
    })
    const notOnSite = options.appeared ? testimonyIds.filter((id) => options.slugOf(id) === undefined) : []
    if (onSite.length === 0 && notOnSite.length === 0) return
    const { allowed, withdrawn: withdrew } = await options.judge([...onSite, ...notOnSite])
    for (const id of notOnSite) if (allowed.has(id)) options.appeared?.(id)
    for (const id of onSite) {
      const slug = options.slugOf(id)
      if (!slug || allowed.has(id)) continue
      withdrawn.set(slug, { at: now(), reason: withdrew.has(id) ? 'withdrawn' : 'unavailable' })
      refresh()
      options.log(`A story was taken off the site (${slug}); the rebuild follows.`)
    }
  }
  let checks: Promise<void> = Promise.resolve()
  const queue = (work: () => Promise<void>) => {
    checks = checks.then(work).catch((error: unknown) => options.log(`Checking a change failed: ${String(error)}`))
  }
  return {
    refused: () => refused,
    withdrawnNow: () => [...withdrawn.keys()],
    changed(documentId) {
      // A draft or a version is not what readers see; only published documents change the site.
      if (!isPublishedId(documentId)) return
      const testimonyId = options.concerned(documentId)
      if (testimonyId) queue(() => checkStories([testimonyId]))
    },
    ask: (testimonyIds) => queue(() => checkStories(testimonyIds)),
    rebuilt(startedAt) {
      for (const [slug, { at }] of withdrawn) if (at < startedAt) withdrawn.delete(slug)
      refresh()
    },
  }
}
