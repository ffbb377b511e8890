// Reads JSON from a request body or a query parameter, answering malformed JSON with a 400 that
// says so, and JSON nested deeper than the lake handles with a 400 naming the limit.
import type { z } from 'zod'
import { badRequest } from '../errors.ts'
import { maxJsonDepth } from '../limits.ts'
import { describeZodError } from '../../core/index.ts'

export async function readJson(request: Request): Promise<unknown> {
  return parseJson(await request.text(), 'The request body')
}

/** Parses `text`; `what` names it in the error ("The request body", "Parameter "$id""). */
export function parseJson(text: string, what: string, hint = ''): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw badRequest(`${what} is not valid JSON (${error instanceof Error ? error.message : 'parse error'})${hint}`, 'invalidJsonError')
  }
  if (depthOf(value) > maxJsonDepth)
    throw badRequest(`${what} nests arrays and objects more than ${maxJsonDepth} levels deep; flatten it`, 'invalidJsonError')
  return value
}

/** How deeply arrays and objects nest in a parsed JSON value, counted without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0
  const pending: Array<[unknown, number]> = [[value, 1]]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next
    if (item === null || typeof item !== 'object') continue
    deepest = Math.max(deepest, depth)
    if (deepest > maxJsonDepth) return deepest
    for (const child of Object.values(item)) pending.push([child, depth + 1])
  }
  return deepest
}

/** The 400 for a body of the wrong shape: what it should look like, and what is wrong with it. */
export function wrongBody(example: string, error: z.ZodError) {
  return badRequest(`The body must be JSON like ${example}; ${describeZodError(error)}`, 'invalidRequestError')
}
