// Runs a GROQ query over a dataset with groq-js, in a perspective, and turns groq-js errors into
// Sanity's query error shape (with the position, so the client can point at it).
import { evaluateSync, GroqSyntaxError, parse, toJS } from 'groq-js'
import { badRequest } from '../errors.ts'
import { maxQueryLength } from '../limits.ts'
import type { LakeDocument } from '../mutations/document.ts'
import { perspectiveViews, type Perspective } from './perspective.ts'
import { prepareTextQuery, withSearchText } from './textQuery.ts'

export interface QueryInput {
  query: string
  params: Record<string, unknown>
  perspective: Perspective
  documents: ReadonlyArray<LakeDocument>
  identity?: string
  now?: Date
}

export function runQuery(input: QueryInput): unknown {
  if (input.query.length > maxQueryLength)
    throw badRequest(`The query is ${input.query.length} characters long; the limit is ${maxQueryLength}`, 'queryTooLargeError')
  let prepared
  let tree
  try {
    prepared = prepareTextQuery(input.query, input.params)
    tree = parse(prepared.query, { params: prepared.params })
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
  try {
    const view = perspectiveViews[input.perspective](input.documents)
    const value = evaluateSync(tree, {
      dataset: prepared.searchesText ? view.map(withSearchText) : view,
      params: prepared.params,
      timestamp: input.now ?? new Date(),
      identity: input.identity ?? 'anonymous',
    })
    return toJS(value)
  } catch (error) {
    throw badRequest(`The query could not be run: ${error instanceof Error ? error.message : String(error)}`, 'queryEvaluationError', {
      query: input.query,
    })
  }
}

/** Ids of the documents a query selects, in the raw perspective (for delete and patch by query). */
export function selectIds(query: string, params: Record<string, unknown>, documents: ReadonlyArray<LakeDocument>): string[] {
  const result = runQuery({ query, params, perspective: 'raw', documents })
  const items = Array.isArray(result) ? result : [result]
  return items.flatMap((item) => (item && typeof item === 'object' && '_id' in item && typeof item._id === 'string' ? [item._id] : []))
}
