// groq-js with its types. Its 2.0.0 declarations import the syntax tree and the evaluator from files
// the package does not publish (dist/shared-*.d.ts, dist/evaluator-*.d.ts), so TypeScript sees
// ExprNode, parse's result, evaluate, evaluateSync and toJS as unresolved. The lake reaches them only
// through here, typed as groq-js documents them (API.md): a parsed tree is opaque, a result unknown.
import * as groqJs from 'groq-js'

/** A parsed GROQ query; only groq-js looks inside. */
export interface GroqTree {
  readonly type: string
}

export interface GroqOptions {
  dataset?: unknown
  params?: Record<string, unknown>
  timestamp?: Date
  identity?: string
}

/** Parses a query; throws groq-js's GroqSyntaxError (typed, imported from groq-js) on a syntax error. */
export function parseGroq(query: string, options?: { params?: Record<string, unknown> }): GroqTree {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- parse's ExprNode is unresolved in groq-js 2.0.0 (see above)
  return groqJs.parse(query, options)
}

/** Evaluates a parsed query to plain JSON; throws on the functions groq-js runs only asynchronously. */
export function evaluateGroqSync(tree: GroqTree, options: GroqOptions): unknown {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call -- the evaluator is untyped in groq-js 2.0.0 (see above)
  return groqJs.toJS(groqJs.evaluateSync(tree, options))
}

/** Evaluates a parsed query to plain JSON, including the functions that run only asynchronously (diff::). */
export async function evaluateGroq(tree: GroqTree, options: GroqOptions): Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- the evaluator is untyped in groq-js 2.0.0 (see above)
  return await (await groqJs.evaluate(tree, options)).get()
}
