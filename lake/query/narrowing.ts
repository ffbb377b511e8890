// Which documents a query can read at most, told from groq-js's parse tree, so that an index hands
// groq-js only those: when every `*` in the query is filtered by `_id == …`, `_id in […]`,
// `_type == …` or `_type in […]` (alone, with `&&` beside other conditions, or `||` between such
// filters). Anything else that reads the dataset (a bare `*`, a `->`, `releases::all()`, which
// groq-js 2.0.0 evaluates over `*`) reads it all: null. The GROQ suite test (tests/lake/groqSuite)
// checks this against groq-js's own answers.
import { z } from 'zod'
import type { GroqTree } from './groqJs.ts'

/** The ids and types a document must have (one or the other) to be read at all. */
export interface Narrowing {
  ids: ReadonlySet<string>
  types: ReadonlySet<string>
}

const keyAttribute = z.object({
  type: z.literal('AccessAttribute'),
  name: z.enum(['_id', '_type']),
  // `_id` and `@._id` are the same attribute of the document being filtered.
  base: z.object({ type: z.literal('This') }).optional(),
})
const stringValue = z.object({ type: z.literal('Value'), value: z.string() })
const stringsValue = z.union([
  z.object({ type: z.literal('Value'), value: z.array(z.string()) }).transform((node) => node.value),
  z
    .object({ type: z.literal('Array'), elements: z.array(z.object({ isSplat: z.literal(false), value: stringValue })) })
    .transform((node) => node.elements.map((element) => element.value.value)),
])
const operation = z.object({ type: z.literal('OpCall'), op: z.enum(['==', 'in']), left: z.unknown(), right: z.unknown() })
const logical = z.object({ type: z.enum(['And', 'Or']), left: z.unknown(), right: z.unknown() })
const group = z.object({ type: z.literal('Group'), base: z.unknown() })
const node = z.looseObject({ type: z.string() })
const readsEverything = z.union([
  z.object({ type: z.enum(['Everything', 'Deref']) }),
  z.object({ type: z.literal('FuncCall'), namespace: z.literal('releases') }),
])
const filterOfEverything = z.object({ type: z.literal('Filter'), base: z.object({ type: z.literal('Everything') }), expr: z.unknown() })

/** The documents a query reads at most, or null when it may read any of them. */
export function narrowingOf(tree: GroqTree): Narrowing | null {
  const found: Narrowing[] = []
  return visit(tree, found) ? { ids: union(found, 'ids'), types: union(found, 'types') } : null
}

/** Walks the tree, collecting each `*[filter]`'s narrowing; false when some read of the dataset has none. */
function visit(value: unknown, found: Narrowing[]): boolean {
  if (Array.isArray(value)) return value.every((item) => visit(item, found))
  const parsed = node.safeParse(value)
  if (!parsed.success) return true
  const current = parsed.data
  // A literal (a parameter's value included) is data, not syntax, whatever it holds.
  if (current.type === 'Value') return true
  if (readsEverything.safeParse(current).success) return false
  const filter = filterOfEverything.safeParse(current)
  if (filter.success) {
    const narrowing = conditionNarrowing(filter.data.expr)
    if (!narrowing) return false
    found.push(narrowing)
    return visit(filter.data.expr, found)
  }
  return Object.values(current).every((inner) => typeof inner !== 'object' || visit(inner, found))
}

/** The documents a filter condition can be true for at most, or null when it could be true for any. */
function conditionNarrowing(expr: unknown): Narrowing | null {
  const grouped = group.safeParse(expr)
  if (grouped.success) return conditionNarrowing(grouped.data.base)
  const both = logical.safeParse(expr)
  if (both.success) {
    const left = conditionNarrowing(both.data.left)
    const right = conditionNarrowing(both.data.right)
    // Both must hold: either side's documents are enough. One of them may hold: both sides' are needed.
    if (both.data.type === 'And') return left && right ? (left.types.size === 0 ? left : right) : (left ?? right)
    return left && right ? { ids: union([left, right], 'ids'), types: union([left, right], 'types') } : null
  }
  const call = operation.safeParse(expr)
  if (!call.success) return null
  const { op, left, right } = call.data
  const pairs = op === '==' ? [keyEquals(left, right), keyEquals(right, left)] : [keyIn(left, right)]
  return pairs.find((pair) => pair !== null) ?? null
}

function keyEquals(attribute: unknown, value: unknown): Narrowing | null {
  const key = keyAttribute.safeParse(attribute)
  const text = stringValue.safeParse(value)
  return key.success && text.success ? narrowingBy(key.data.name, [text.data.value]) : null
}

function keyIn(attribute: unknown, values: unknown): Narrowing | null {
  const key = keyAttribute.safeParse(attribute)
  const texts = stringsValue.safeParse(values)
  return key.success && texts.success ? narrowingBy(key.data.name, texts.data) : null
}

function narrowingBy(key: '_id' | '_type', values: ReadonlyArray<string>): Narrowing {
  return key === '_id' ? { ids: new Set(values), types: new Set() } : { ids: new Set(), types: new Set(values) }
}

function union(narrowings: ReadonlyArray<Narrowing>, key: keyof Narrowing): Set<string> {
  return new Set(narrowings.flatMap((narrowing) => [...narrowing[key]]))
}
