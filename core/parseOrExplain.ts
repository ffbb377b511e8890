// One way to read a value at a boundary with a zod schema (an answer, a file, the environment), as
// Starlight's parseWithFriendlyErrors: the data, or a HintedError that says what was being read and
// lists each problem as `path: message`. Never the value itself: it may hold what must stay private.
import type { z } from 'zod'
import { HintedError } from './hintedError.ts'

/** At most this many problems are listed; the rest are counted. */
const listed = 10

/** Each problem of a failed parse as `path: message` (the message alone for the value as a whole). */
export function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? key.toString() : String(key))).join('.')
    return path ? `${path}: ${issue.message}` : issue.message
  })
}

/** The problems of a failed parse on one line, for an error that has one line (the lake's answers). */
export function describeZodError(error: z.ZodError): string {
  const problems = zodProblems(error)
  const shown = problems.slice(0, listed).join('; ')
  return problems.length > listed ? `${shown}; and ${problems.length - listed} more` : shown
}

/**
 * `schema`'s reading of `value`, or a HintedError: "Could not read `what`:" and the problems, one a
 * line, with `hint` (what to do) kept apart. `what` names what was being read: "the lake's answer for
 * the story list", "LAKE_PORT".
 */
export function parseOrExplain<S extends z.ZodType>(schema: S, value: unknown, what: string, hint?: string): z.output<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const problems = zodProblems(parsed.error)
  const lines = problems.slice(0, listed).map((problem) => `  - ${problem}`)
  if (problems.length > listed) lines.push(`  - and ${problems.length - listed} more`)
  throw new HintedError(`Could not read ${what}:\n${lines.join('\n')}`, hint)
}
