// The public story a Studio action writes in the same transaction as its testimony (publish,
// withdraw, record an approval): what the site may show, derived by the consent core from the
// published testimony and her consent records as the transaction leaves them. The lake derives it
// again whatever is sent; on hosted Sanity this is what keeps the two in step.
import type { Mutation } from '@sanity/client'
import { consentDocument, publicStoryIdOf, publicStoryOf, testimonyDocument, type ConsentDocument } from '../../core/index.ts'

export interface StoryState {
  /** Her consent records as the Studio loaded them (before the action). */
  consents: ReadonlyArray<ConsentDocument>
  /** The public story stored now, if any. */
  previousStory: Readonly<Record<string, unknown>> | null
}

export function publicStoryMutations(input: {
  testimonyId: string
  /** The published testimony as the transaction leaves it; null when there is none. */
  published: unknown
  /** Her consent records as the transaction leaves them. */
  consents: ReadonlyArray<unknown>
  previousStory: Readonly<Record<string, unknown>> | null
}): Mutation[] {
  const published = testimonyDocument.safeParse(input.published)
  const consents = input.consents.flatMap((raw) => {
    const parsed = consentDocument.safeParse(raw)
    return parsed.success ? [parsed.data] : []
  })
  const story = publicStoryOf({
    testimonyId: input.testimonyId,
    published: published.success ? published.data : null,
    consents,
    previous: input.previousStory,
  })
  if (story) return [{ createOrReplace: story }]
  return input.previousStory ? [{ delete: { id: publicStoryIdOf(input.testimonyId) } }] : []
}
