// Reads public stories a page of ids at a time, so that no one answer holds the backend for long (a
// lake serves the live site from the same process): the ids first, then the stories by id.
import type { SanityClient } from '@sanity/client'
import { z } from 'zod'
import { publicStoryIdOf } from '../../core/index.ts'
import { storiesByIdQuery, storiesPerAnswer, storiesResult, storyIdsQuery, storyIdsResult } from './contentQuery.ts'

/** The raw public stories of these testimonies (every public story when `testimonies` is left out), in `_id` order. */
export async function readPublicStories(
  client: SanityClient,
  testimonies?: ReadonlyArray<string>,
  perAnswer: number = storiesPerAnswer,
): Promise<unknown[]> {
  const ids = testimonies
    ? [...new Set(testimonies.map(publicStoryIdOf))].sort()
    : storyIdsResult.parse(await client.fetch(storyIdsQuery, {}, { perspective: 'published' }))
  const stories: unknown[] = []
  for (let start = 0; start < ids.length; start += perAnswer) {
    const page = ids.slice(start, start + perAnswer)
    stories.push(...storiesResult.parse(await client.fetch(storiesByIdQuery, { ids: page }, { perspective: 'published' })))
  }
  return stories
}

const storyOf = z.looseObject({ testimonyId: z.string().min(1) })

/**
 * The testimonies of the public stories the archive answered, also of one not well formed: a
 * testimony with none any more was erased (an unpublished or withdrawn story keeps its public story).
 */
export function answeredTestimonies(answered: ReadonlyArray<unknown>): Set<string> {
  return new Set(
    answered.flatMap((story) => {
      const named = storyOf.safeParse(story)
      return named.success ? [named.data.testimonyId] : []
    }),
  )
}
