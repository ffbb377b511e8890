// The public GROQ conformance suite (tests/fixtures/groq-test-suite), sent through the lake's query
// API: every answer must equal groq-js's on the same documents, and a query groq-js refuses (one that
// does not parse, or can not run) must be refused with a 400. Skipped tests are listed with their reason.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { evaluate, parse } from 'groq-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { openLake, type Lake } from '../../lake/index.ts'
import { keyFor } from './testKey.ts'
import { apiVersionPath } from '../../core/index.ts'

const suiteFile = new URL('../fixtures/groq-test-suite/suite.ndjson.br', import.meta.url)
const now = new Date('2026-11-29T05:00:00Z')

const dataset = z.object({
  _type: z.literal('dataset'),
  _id: z.string(),
  url: z.string().nullish(),
  documents: z.array(z.unknown()).nullish(),
})
const suiteTest = z.object({
  _type: z.literal('test'),
  _id: z.string(),
  name: z.string(),
  query: z.string(),
  valid: z.boolean(),
  params: z.record(z.string(), z.unknown()).nullish(),
  dataset: z.object({ _ref: z.string() }),
})
const entry = z.discriminatedUnion('_type', [dataset, suiteTest])
type SuiteTest = z.infer<typeof suiteTest>

const entries = brotliDecompressSync(readFileSync(suiteFile))
  .toString('utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => entry.parse(JSON.parse(line)))
const datasets = new Map(entries.flatMap((e) => (e._type === 'dataset' ? [[e._id, e] as const] : [])))
const tests = entries.flatMap((e) => (e._type === 'test' ? [e] : []))

// Queries whose cost grows exponentially with the dataset in an evaluator without query planning:
// groq-js (and so the lake) take minutes on them, where Sanity's own engine plans them.
const exponential = new Map([
  ['Filters / documents, nested 3', 'it nests eleven subqueries over every document; groq-js needs minutes for it'],
])

/** Why a test can not run here; null when it can. */
function skipReason(test: SuiteTest): string | null {
  const slow = exponential.get(test.name)
  if (slow) return slow
  const data = datasets.get(test.dataset._ref)
  if (!data) return 'its dataset is not in the compiled suite'
  if (/^https?:/.test(data.url ?? ''))
    return `its dataset is downloaded from ${new URL(data.url ?? '').host}, which this machine does not reach`
  return null
}

const json = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)))

let lake: Lake
let token: string
let dataDir: string
const lakeNames = new Map<string, string>()

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'lake-groq-suite-'))
  lake = openLake({ dataDir, key: keyFor(dataDir), clock: { now: () => now }, log: () => {} })
  token = lake.services.tokens.create({ name: 'GROQ suite', role: 'administrator', userId: 'groq-suite', now }).token
  let n = 0
  for (const [id, data] of datasets) {
    if (!data.documents) continue
    const name = `suite-${n++}`
    lake.services.datasets.ensure(name).mutate(
      data.documents.map((document) => ({ create: document })),
      { author: 'groq-suite' },
    )
    lakeNames.set(id, name)
  }
})

afterAll(() => {
  lake.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** groq-js on the same documents, in the same `_id` order, with the same clock and identity. */
async function groqJs(test: SuiteTest, documents: ReadonlyArray<unknown>): Promise<{ result: unknown } | { error: string }> {
  try {
    const tree = parse(test.query, { params: test.params ?? {} })
    const value = await evaluate(tree, { dataset: documents, params: test.params ?? {}, timestamp: now, identity: 'groq-suite' })
    return { result: json(await value.get()) }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

async function lakeAnswer(test: SuiteTest): Promise<{ status: number; body: unknown }> {
  const name = lakeNames.get(test.dataset._ref) ?? ''
  const response = await lake.app.request(`${apiVersionPath}/data/query/${name}?perspective=raw`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: test.query, params: test.params ?? {} }),
  })
  return { status: response.status, body: await response.json() }
}

describe('the public GROQ suite through the lake', () => {
  it('answers every query as groq-js does on the same documents', async () => {
    const skipped = tests.flatMap((test) => {
      const reason = skipReason(test)
      return reason ? [`${test.name}: ${reason}`] : []
    })
    const differences: string[] = []
    let ran = 0
    for (const test of tests) {
      if (skipReason(test)) continue
      ran++
      const documents = lake.services.datasets.get(lakeNames.get(test.dataset._ref) ?? '').documents()
      const [expected, answered] = await Promise.all([groqJs(test, documents), lakeAnswer(test)])
      if ('error' in expected) {
        if (answered.status !== 400)
          differences.push(`${test.name}: groq-js refuses it (${expected.error}), the lake answered ${answered.status}`)
        continue
      }
      const result = z.object({ result: z.unknown() }).safeParse(answered.body)
      const got = result.success ? json(result.data.result) : answered.body
      if (answered.status !== 200 || JSON.stringify(got) !== JSON.stringify(expected.result))
        differences.push(
          `${test.name}: ${JSON.stringify(test.query).slice(0, 120)} → lake ${answered.status} ${JSON.stringify(got).slice(0, 200)}, groq-js ${JSON.stringify(expected.result).slice(0, 200)}`,
        )
    }
    console.log(`GROQ suite: ${ran} of ${tests.length} tests run through the lake; ${skipped.length} skipped:\n  ${skipped.join('\n  ')}`)
    expect(differences).toEqual([])
    expect(ran).toBeGreaterThan(10_000)
  }, 600_000)
})
