// Asks the consent core whether stories may still be on the website today: the fast check the live
// site runs on every change (one story) and after a lost connection (every story), before the rebuild.
// It reads the stories' public stories, as the build does; a story with none any more was erased.
import type { SanityClient } from '@sanity/client'
import { publicStoryGate, publicStoryInputs, testimonyIdOfStory } from '../../core/index.ts'
import { readPublicStories } from '../content/publicStoryReads.ts'

/** Of these testimonies, those the consent core still allows on the website today: one query for all. */
export async function publicStories(client: SanityClient, ids: ReadonlyArray<string>, today: string): Promise<Set<string>> {
  // By id, so that the backend reads these stories only, not every one to find them.
  const answered = await readPublicStories(client, ids)
  const allowed = new Set<string>()
  for (const story of publicStoryInputs(answered).stories) {
    if (publicStoryGate({ story, use: 'website', today }).public) allowed.add(story.testimonyId)
  }
  return allowed
}

/** The testimony a changed document concerns: the one whose public story it is. */
export const testimonyConcerned = (documentId: string): string | null => testimonyIdOfStory(documentId)
