// Runs a GROQ query over a dataset with groq-js, in a perspective, and turns groq-js errors into
// Sanity's query error shape (with the position, so the client can point at it).
import { GroqSyntaxError } from 'groq-js'
import { badRequest } from '../errors.ts'
import { maxQueryLength } from '../limits.ts'
import type { LakeDocument } from '../mutations/document.ts'
import { evaluateGroq, evaluateGroqSync, parseGroq, type GroqTree } from './groqJs.ts'
import { perspectiveViews, type Perspective } from './perspective.ts'
import { prepareTextQuery, withSearchText, type PreparedQuery } from './textQuery.ts'

export interface QueryInput {
  query: string
  params: Record<string, unknown>
  perspective: Perspective
  documents: ReadonlyArray<LakeDocument>
  identity?: string
  now?: Date
}

/** Runs a query as Sanity does: any GROQ, including the functions groq-js evaluates only asynchronously. */
export async function runQuery(input: QueryInput): Promise<unknown> {
  const { tree, prepared } = parsedQuery(input)
  const options = evaluationOptions(input, prepared)
  try {
    return evaluateGroqSync(tree, options)
  } catch (error) {
    // groq-js runs some functions (the diff:: family) only in its asynchronous evaluator.
    if (!(error instanceof Error && /executeSync/.test(error.message))) throw evaluationError(input, error)
  }
  try {
    return await evaluateGroq(tree, options)
  } catch (error) {
    throw evaluationError(input, error)
  }
}

/** The same, synchronously, for the lake's own queries inside a transaction (delete or patch by query). */
export function runQuerySync(input: QueryInput): unknown {
  const { tree, prepared } = parsedQuery(input)
  try {
    return evaluateGroqSync(tree, evaluationOptions(input, prepared))
  } catch (error) {
    throw evaluationError(input, error)
  }
}

function parsedQuery(input: QueryInput): { tree: GroqTree; prepared: PreparedQuery } {
  if (input.query.length > maxQueryLength)
    throw badRequest(`The query is ${input.query.length} characters long; the limit is ${maxQueryLength}`, 'queryTooLargeError')
  let prepared
  let tree
  try {
    prepared = prepareTextQuery(input.query, input.params)
    tree = parseGroq(prepared.query, { params: prepared.params })
  } catch (error) {
    if (error instanceof GroqSyntaxError) {
      throw badRequest(error.message, 'queryParseError', { query: input.query, start: error.position, end: error.position + 1 })
    }
    throw badRequest(error instanceof Error ? error.message : String(error), 'queryParseError', {
      query: input.query,
      start: 0,
      end: input.query.length,
    })
  }
  return { tree, prepared }
}

function evaluationOptions(input: QueryInput, prepared: PreparedQuery) {
  const view = perspectiveViews[input.perspective](input.documents)
  return {
    dataset: prepared.searchesText ? view.map(withSearchText) : view,
    params: prepared.params,
    timestamp: input.now ?? new Date(),
    identity: input.identity ?? 'anonymous',
  }
}

function evaluationError(input: QueryInput, error: unknown) {
  return badRequest(`The query could not be run: ${error instanceof Error ? error.message : String(error)}`, 'queryEvaluationError', {
    query: input.query,
  })
}

/** Ids of the documents a query selects, in the raw perspective (for delete and patch by query). */
export function selectIds(query: string, params: Record<string, unknown>, documents: ReadonlyArray<LakeDocument>): string[] {
  const result = runQuerySync({ query, params, perspective: 'raw', documents })
  const items: unknown[] = Array.isArray(result) ? result : [result]
  return items.flatMap((item) => (item && typeof item === 'object' && '_id' in item && typeof item._id === 'string' ? [item._id] : []))
}
