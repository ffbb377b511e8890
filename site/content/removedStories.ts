// Which old addresses get the neutral page: public stories the gate now refuses, and stories this
// site published before that are no longer public. Only the address is kept, never a title. An
// address whose testimony has no public story any more was erased: it is forgotten, not marked.
import type { PublicTestimony } from '../../core/index.ts'
import type { LedgerEntry } from './publicationLedger.ts'
import type { RemovedStory } from './removedStory.ts'

export function removedStories(input: {
  stories: ReadonlyArray<PublicTestimony>
  refused: ReadonlyArray<{ slug: string; withdrawn: boolean }>
  publishedBefore: ReadonlyArray<LedgerEntry>
  /** The testimonies that have a public story. */
  known: ReadonlySet<string>
  /** Whether she withdrew, for each testimony whose story is not public. */
  withdrawn: ReadonlyMap<string, boolean>
}): RemovedStory[] {
  const publicSlugs = new Set(input.stories.map((story) => story.slug))
  const removed = new Map<string, RemovedStory>()
  const add = (slug: string, withdrawn: boolean) => {
    if (publicSlugs.has(slug)) return
    const before = removed.get(slug)
    removed.set(slug, { slug, reason: withdrawn || before?.reason === 'withdrawn' ? 'withdrawn' : 'unavailable' })
  }
  for (const story of input.refused) add(story.slug, story.withdrawn)
  for (const entry of input.publishedBefore) {
    if (input.known.has(entry.id)) add(entry.slug, input.withdrawn.get(entry.id) ?? false)
  }
  return [...removed.values()].sort((a, b) => a.slug.localeCompare(b.slug))
}
