// A story that was public and is not any more: its old address shows a neutral page, nothing else.
import { z } from 'zod'

export const removedStory = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** 'withdrawn' when its author withdrew consent; 'unavailable' for any other reason. */
  reason: z.enum(['withdrawn', 'unavailable']),
})
export type RemovedStory = z.infer<typeof removedStory>
