// Asks the consent core whether stories may still be on the website today: the fast check the live
// site runs on every change (one story) and after a lost connection (every story), before the rebuild.
// It reads the stories' public stories, as the build does; a story with none any more was erased.
import type { SanityClient } from '@sanity/client'
import { publicStoryGate, publicStoryInputs, testimonyIdOfStory } from '../../core/index.ts'
import { answeredTestimonies, readPublicStories } from '../content/publicStoryReads.ts'

/** What the consent core answers of some testimonies today: those it allows, and those of the others she withdrew. */
export interface StoryVerdicts {
  allowed: ReadonlySet<string>
  /**
   * Refused because she withdrew her story from the website, or erased it (an erasure keeps only the
   * record of her withdrawal): the neutral page then says she asked. Any other refusal (the approved
   * text changed, the consent is due for review, a story unpublished) says only that it is no longer available.
   */
  withdrawn: ReadonlySet<string>
}

/** Of these testimonies, those the consent core still allows on the website today, and those withdrawn: one query for all. */
export async function publicStories(client: SanityClient, ids: ReadonlyArray<string>, today: string): Promise<StoryVerdicts> {
  // By id, so that the backend reads these stories only, not every one to find them.
  const answered = await readPublicStories(client, ids)
  const allowed = new Set<string>()
  const withdrawn = new Set<string>()
  for (const story of publicStoryInputs(answered).stories) {
    const verdict = publicStoryGate({ story, use: 'website', today })
    if (verdict.public) allowed.add(story.testimonyId)
    else if (verdict.withdrawn) withdrawn.add(story.testimonyId)
  }
  // No public story any more: erased. One that is not well formed is only unavailable, as the build says.
  const answeredIds = answeredTestimonies(answered)
  for (const id of ids) if (!answeredIds.has(id)) withdrawn.add(id)
  return { allowed, withdrawn }
}

/** The testimony a changed document concerns: the one whose public story it is. */
export const testimonyConcerned = (documentId: string): string | null => testimonyIdOfStory(documentId)
