// Which old addresses get the neutral page: published testimonies the gate now refuses, and stories
// this site published before that are no longer public. Only the address is kept, never a title.
import { bindingWithdrawal, type ConsentDocument, type PublicTestimony } from '../../core/index.ts'
import type { LedgerEntry } from './publicationLedger.ts'
import type { RemovedStory } from './removedStory.ts'

export function removedStories(input: {
  stories: ReadonlyArray<PublicTestimony>
  refused: ReadonlyArray<{ slug: string; withdrawn: boolean }>
  publishedBefore: ReadonlyArray<LedgerEntry>
  /** Each testimony's consent records, by its id. */
  consentsOf: ReadonlyMap<string, ReadonlyArray<ConsentDocument>>
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
    add(entry.slug, bindingWithdrawal(entry.id, input.consentsOf.get(entry.id) ?? [], 'website') !== null)
  }
  return [...removed.values()].sort((a, b) => a.slug.localeCompare(b.slug))
}
