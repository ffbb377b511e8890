// Runs a GROQ query over a dataset with groq-js, in a perspective, and turns groq-js errors into
// Sanity's query error shape (with the position, so the client can point at it). With the store's
// index, a query whose every `*` is filtered by id or type reads only those documents (narrowing.ts).
import { GroqSyntaxError } from 'groq-js'
import { badRequest } from '../errors.ts'
import { maxQueryLength } from '../limits.ts'
import type { LakeDocument } from '../mutations/document.ts'
import { candidates, type DocumentIndex } from './candidates.ts'
import { evaluateGroq, evaluateGroqSync, parseGroq, type GroqTree } from './groqJs.ts'
import { narrowingOf } from './narrowing.ts'
import { perspectiveViews, type Perspective } from './perspective.ts'
import { prepareTextQuery, withSearchText, type PreparedQuery } from './textQuery.ts'

export interface QueryInput {
  query: string
  params: Record<string, unknown>
  perspective: Perspective
  /**
   * Every raw document, in `_id` order; as a function, asked only when the query is not narrowed by id
   * or type (after a write, the sorted documents cost a merge that such a query need not pay).
   */
  documents: ReadonlyArray<LakeDocument> | (() => ReadonlyArray<LakeDocument>)
  /** Lookups into the same documents; without them every query reads all of them. */
  index?: DocumentIndex
  /** The raw documents the reader may see (the token's grants); all when absent. */
  readable?: (documents: ReadonlyArray<LakeDocument>) => ReadonlyArray<LakeDocument>
  identity?: string
  now?: Date
}

/** Runs a query as Sanity does: any GROQ, including the functions groq-js evaluates only asynchronously. */
export async function runQuery(input: QueryInput): Promise<unknown> {
  const { tree, prepared } = parsedQuery(input)
  const options = evaluationOptions(input, tree, prepared)
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
    return evaluateGroqSync(tree, evaluationOptions(input, tree, prepared))
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

function evaluationOptions(input: QueryInput, tree: GroqTree, prepared: PreparedQuery) {
  const narrowing = input.index ? narrowingOf(tree) : null
  const raw =
    narrowing && input.index
      ? candidates(narrowing, input.index, input.perspective)
      : typeof input.documents === 'function'
        ? input.documents()
        : input.documents
  const view = perspectiveViews[input.perspective](input.readable ? input.readable(raw) : raw)
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
export function selectIds(
  query: string,
  params: Record<string, unknown>,
  documents: QueryInput['documents'],
  index?: DocumentIndex,
): string[] {
  const result = runQuerySync({ query, params, perspective: 'raw', documents, index })
  const items: unknown[] = Array.isArray(result) ? result : [result]
  return items.flatMap((item) => (item && typeof item === 'object' && '_id' in item && typeof item._id === 'string' ? [item._id] : []))
}
