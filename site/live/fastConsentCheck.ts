// The live site's fast path: on a change, the consent core is asked at once whether the stories
// concerned may still be public, and a story it refuses is taken off (its pages, cards, sitemap
// entries and search fragments, as the served build's report names them) until a rebuild that
// started after its withdrawal is served. A story not on the site, or taken off, that it now allows
// was just published (again, for a corrected text): the live site is told, to show it at once from
// an increment, which then takes the place of what the served build made of her earlier text.
// Checks run one after another, in the order of the changes.
import { isPublishedId } from '../../core/index.ts'
import type { BuiltStory } from '../build/siteBuildReport.ts'
import type { StoryVerdicts } from './storyGate.ts'
import { nothingRefused, refusedOutput, type AddedSince, type RefusedOutput, type RemovalReason } from './withdrawnFilter.ts'

export interface FastConsentCheckOptions {
  /** Of these testimonies, those the consent core allows on the website today, and those she withdrew (storyGate.ts). */
  judge: (testimonyIds: ReadonlyArray<string>) => Promise<StoryVerdicts>
  /** The testimony a changed document concerns, if any. */
  concerned: (documentId: string) => string | null
  /** The address of a testimony's story on the served site, if it is there. */
  slugOf: (testimonyId: string) => string | undefined
  /** What the served full build made of each story. */
  builtStories: () => Readonly<Record<string, BuiltStory>>
  /** What the increment shown for a story made of it, and when it started. */
  addedStory?: (slug: string) => { story: BuiltStory; startedAt: number } | undefined
  /** A testimony not on the site, or taken off, that the consent core now allows there: it was just published. */
  appeared?: (testimonyId: string) => void
  log: (line: string) => void
  now?: () => number
}

export interface FastConsentCheck {
  /** What of the stories taken off is not served. */
  refused: () => RefusedOutput
  /** Slugs taken off and not yet reflected by a rebuild, nor shown again from an increment. */
  withdrawnNow: () => string[]
  /** A document changed: asks about the testimony it concerns. */
  changed: (documentId: string) => void
  /** Asks about these testimonies (every one after a lost connection, the new ones after a rebuild). */
  ask: (testimonyIds: ReadonlyArray<string>) => void
  /** A build that started at `startedAt` is now served: what was taken off before it is not in it. */
  rebuilt: (startedAt: number) => void
  /** Whether this story is taken off, and no increment that started since shows it again. */
  isOff: (slug: string) => boolean
  /** The stories taken off since `startedAt`: a build that started then may still hold their earlier text. */
  takenOffSince: (startedAt: number) => ReadonlySet<string>
  /** The increments shown changed (one added, or a full build took their place): works out again what is refused. */
  additionsChanged: () => void
}

export function fastConsentCheck(options: FastConsentCheckOptions): FastConsentCheck {
  const now = options.now ?? Date.now
  const withdrawn = new Map<string, { at: number; reason: RemovalReason }>()
  // What the HTTP layer asks on every request, worked out once per change instead.
  let refused = nothingRefused
  // An increment shows her story again only if it started after she was taken off: it read the archive then.
  const addedSince = (slug: string): AddedSince | undefined => {
    const added = options.addedStory?.(slug)
    const off = withdrawn.get(slug)
    return added && off ? { story: added.story, republished: added.startedAt > off.at } : undefined
  }
  const isOff = (slug: string) => withdrawn.has(slug) && addedSince(slug)?.republished !== true
  const refresh = () => {
    const reasons = new Map([...withdrawn].map(([slug, { reason }]) => [slug, reason]))
    const added = new Map(
      [...withdrawn.keys()].flatMap((slug) => [addedSince(slug)].flatMap((since) => (since ? [[slug, since] as const] : []))),
    )
    refused = refusedOutput(options.builtStories(), reasons, added)
  }

  const checkStories = async (testimonyIds: ReadonlyArray<string>) => {
    const ids = [...new Set(testimonyIds)]
    const onSite = ids.filter((id) => {
      const slug = options.slugOf(id)
      return slug !== undefined && !isOff(slug)
    })
    const notOnSite = options.appeared
      ? ids.filter((id) => {
          const slug = options.slugOf(id)
          return slug === undefined || isOff(slug)
        })
      : []
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
    withdrawnNow: () => [...withdrawn.keys()].filter(isOff),
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
    isOff,
    takenOffSince: (startedAt) => new Set([...withdrawn].filter(([, { at }]) => at >= startedAt).map(([slug]) => slug)),
    additionsChanged: refresh,
  }
}
