// Which documents a query can read at most, told from groq-js's parse tree, so that an index hands
// groq-js only those: when every `*` in the query is filtered by `_id == …`, `_id in […]`,
// `_type == …` or `_type in […]` (alone, with `&&` beside other conditions, or `||` between such
// filters). Anything else that reads the dataset (a bare `*`, a `->`, `releases::all()`, which
// groq-js 2.0.0 evaluates over `*`) reads it all: null. The GROQ suite test (tests/lake/groqSuite)
// checks this against groq-js's own answers.
import type { GroqTree } from './groqJs.ts'

/** The ids and types a document must have (one or the other) to be read at all. */
export interface Narrowing {
  ids: ReadonlySet<string>
  types: ReadonlySet<string>
}

// The parse tree's nodes are told apart by plain checks, not zod: this runs on every query, and a
// zod schema that fails (most nodes fail most of them) builds its whole error first.
type TreeNode = Record<string, unknown> & { type: string }

const isNode = (value: unknown): value is TreeNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'type' in value && typeof value.type === 'string'

const typeOf = (value: unknown): string | null => (isNode(value) ? value.type : null)

/** `_id` or `_type` of the document being filtered (`@._id` is the same attribute), else null. */
function keyAttribute(value: unknown): '_id' | '_type' | null {
  if (!isNode(value) || value.type !== 'AccessAttribute') return null
  if (value.base !== undefined && typeOf(value.base) !== 'This') return null
  return value.name === '_id' || value.name === '_type' ? value.name : null
}

/** A literal string, else null. */
function stringValue(value: unknown): string | null {
  return isNode(value) && value.type === 'Value' && typeof value.value === 'string' ? value.value : null
}

/** A literal array of strings (a parameter's value, or written out), else null. */
function stringsValue(value: unknown): string[] | null {
  if (!isNode(value)) return null
  if (value.type === 'Value') return isStrings(value.value) ? value.value : null
  if (value.type !== 'Array' || !Array.isArray(value.elements)) return null
  const texts: string[] = []
  for (const element of value.elements) {
    const text = isElement(element) && element.isSplat === false ? stringValue(element.value) : null
    if (text === null) return null
    texts.push(text)
  }
  return texts
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string')
const isElement = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const readsEverything = (value: TreeNode) =>
  value.type === 'Everything' || value.type === 'Deref' || (value.type === 'FuncCall' && value.namespace === 'releases')

/** The documents a query reads at most, or null when it may read any of them. */
export function narrowingOf(tree: GroqTree): Narrowing | null {
  const found: Narrowing[] = []
  return visit(tree, found) ? { ids: union(found, 'ids'), types: union(found, 'types') } : null
}

/** Walks the tree, collecting each `*[filter]`'s narrowing; false when some read of the dataset has none. */
function visit(value: unknown, found: Narrowing[]): boolean {
  if (Array.isArray(value)) return value.every((item) => visit(item, found))
  if (!isNode(value)) return true
  // A literal (a parameter's value included) is data, not syntax, whatever it holds.
  if (value.type === 'Value') return true
  if (readsEverything(value)) return false
  if (value.type === 'Filter' && typeOf(value.base) === 'Everything') {
    const narrowing = conditionNarrowing(value.expr)
    if (!narrowing) return false
    found.push(narrowing)
    return visit(value.expr, found)
  }
  return Object.values(value).every((inner) => typeof inner !== 'object' || visit(inner, found))
}

/** The documents a filter condition can be true for at most, or null when it could be true for any. */
function conditionNarrowing(expr: unknown): Narrowing | null {
  if (!isNode(expr)) return null
  if (expr.type === 'Group') return conditionNarrowing(expr.base)
  if (expr.type === 'And' || expr.type === 'Or') {
    const left = conditionNarrowing(expr.left)
    const right = conditionNarrowing(expr.right)
    // Both must hold: either side's documents are enough. One of them may hold: both sides' are needed.
    if (expr.type === 'And') return left && right ? (left.types.size === 0 ? left : right) : (left ?? right)
    return left && right ? { ids: union([left, right], 'ids'), types: union([left, right], 'types') } : null
  }
  if (expr.type !== 'OpCall' || (expr.op !== '==' && expr.op !== 'in')) return null
  const { op, left, right } = expr
  const pairs = op === '==' ? [keyEquals(left, right), keyEquals(right, left)] : [keyIn(left, right)]
  return pairs.find((pair) => pair !== null) ?? null
}

function keyEquals(attribute: unknown, value: unknown): Narrowing | null {
  const key = keyAttribute(attribute)
  const text = stringValue(value)
  return key && text !== null ? narrowingBy(key, [text]) : null
}

function keyIn(attribute: unknown, values: unknown): Narrowing | null {
  const key = keyAttribute(attribute)
  const texts = stringsValue(values)
  return key && texts ? narrowingBy(key, texts) : null
}

function narrowingBy(key: '_id' | '_type', values: ReadonlyArray<string>): Narrowing {
  return key === '_id' ? { ids: new Set(values), types: new Set() } : { ids: new Set(), types: new Set(values) }
}

function union(narrowings: ReadonlyArray<Narrowing>, key: keyof Narrowing): Set<string> {
  return new Set(narrowings.flatMap((narrowing) => [...narrowing[key]]))
}
