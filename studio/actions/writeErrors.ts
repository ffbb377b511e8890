// What kind of refusal a write met, read from the typed error hosted Sanity (and the lake) sends:
// the error's own type, or that of the mutation or action in it that failed. The Studio tells a
// revision conflict from a refusal by its type, never by matching words.
import { z } from 'zod'

const typed = z.looseObject({
  type: z.string().optional(),
  items: z.array(z.looseObject({ error: z.looseObject({ type: z.string().optional() }) })).optional(),
})
const clientError = z.looseObject({ details: typed })

/** The specific types in a refused write's error, item types first. */
export function writeErrorTypes(error: unknown): string[] {
  const parsed = clientError.safeParse(error)
  if (!parsed.success) return []
  const { details } = parsed.data
  return [...(details.items ?? []).flatMap((item) => (item.error.type ? [item.error.type] : [])), ...(details.type ? [details.type] : [])]
}

export function isRevisionConflict(error: unknown): boolean {
  return writeErrorTypes(error).includes('revisionMismatchError')
}
