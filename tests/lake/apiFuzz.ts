// The HTTP API fuzzer shared by the tests and `npm run soak`: fast-check builds hostile requests
// (malformed JSON, wrong types, hostile ids and strings, bad GROQ, params and methods) for every
// route, and `fuzzApi` checks each answer: no 5xx, Sanity's error shape, no stack, no private data,
// and nothing stored by a refused write.
import { readdirSync } from 'node:fs'
import fc from 'fast-check'
import { expect } from 'vitest'
import { z } from 'zod'
import { callers, consentSecret, secrets, type Answer, type Archive, type Caller } from './archiveFixture.ts'
import { apiVersion } from '../../core/index.ts'

const constants = [
  '',
  '.',
  '..',
  '../../etc/passwd',
  '..%2F..%2Fsecrets',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '%E0%A4%A',
  '*',
  '$',
  '"',
  '\\',
]
const hostile = fc.oneof(
  fc.constantFrom(
    ...constants,
    '{}',
    'null',
    '__proto__',
    'constructor',
    'drafts.',
    'versions.x.',
    'ស្រីពេជ្រ',
    '\u202Eabc',
    '\uD800',
    '😀',
  ),
  fc.constantFrom('x'.repeat(5000), '<script>alert(1)</script>', "'; DROP TABLE documents;--", 'theme-public', 'drafts.theme-public'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
)
const groq = fc.oneof(
  hostile,
  fc.constantFrom('*', '*[', 'count(*)', '*[_type == "survivor"]{...}', 'text::query("\\x")', '*[@ match text::query($q)]', '*[0..2]'),
  fc.constantFrom('*[_id in path("**")]', 'identity()', 'select(', '*|order(_id desc)[0...3]', '((((1))))', '*[_type == $t]', '^.^.^'),
)
const json = fc.jsonValue({ maxDepth: 3 })
const value = fc.oneof(hostile, json)
const document = fc.record(
  { _id: fc.oneof(hostile, fc.constant('fuzz-doc')), _type: fc.oneof(fc.constant('theme'), hostile), x: value },
  { requiredKeys: [] },
)
const mutation = fc.oneof(
  fc.record({ create: document }),
  fc.record({ createOrReplace: document }),
  fc.record({ delete: fc.oneof(fc.record({ id: hostile }), fc.record({ query: groq })) }),
  fc.record({
    patch: fc.record(
      {
        id: hostile,
        set: fc.dictionary(hostile, value),
        unset: fc.array(hostile),
        inc: fc.dictionary(hostile, value),
        diffMatchPatch: fc.dictionary(hostile, hostile),
        ifRevisionID: hostile,
      },
      { requiredKeys: [] },
    ),
  }),
  json,
)
const actionTypes = ['create', 'edit', 'publish', 'unpublish', 'discard', 'delete', 'replaceDraft'].map(
  (a) => `sanity.action.document.${a}`,
)
const field = fc.oneof(fc.constantFrom('_type', '_id', 'title'), hostile)
const action = fc.oneof(fc.constantFrom('theme-public', 'fuzz-doc'), hostile).chain((id) =>
  fc.record(
    {
      actionType: fc.oneof(fc.constantFrom(...actionTypes), hostile),
      publishedId: fc.constant(id),
      draftId: fc.oneof(fc.constant(`drafts.${id}`), hostile),
      attributes: fc.record({ _id: fc.constantFrom(id, `drafts.${id}`), _type: fc.oneof(fc.constant('theme'), hostile) }),
      patch: fc.record({ set: fc.dictionary(field, value), unset: fc.array(field) }, { requiredKeys: [] }),
    },
    { requiredKeys: ['actionType', 'publishedId'] },
  ),
)
const deep = '['.repeat(300) + ']'.repeat(300)
const oversized = JSON.stringify({ mutations: [{ create: { _type: 'theme', text: 'x'.repeat(4.2 * 1024 * 1024) } }] })
const body = fc.oneof(
  fc.constantFrom('{', '{"mutations": [', 'null', '[]', '"x"', '\u0000', '{"query": 1}', deep, `{"query":"*","params":{"a":${deep}}}`),
  json.map((v) => JSON.stringify(v)),
  fc
    .record({ mutations: fc.array(mutation, { maxLength: 4 }), transactionId: hostile }, { requiredKeys: ['mutations'] })
    .map((v) => JSON.stringify(v)),
  fc
    .record({ actions: fc.array(action, { maxLength: 3 }), dryRun: fc.boolean() }, { requiredKeys: ['actions'] })
    .map((v) => JSON.stringify(v)),
  fc
    .record({ query: groq, params: fc.dictionary(hostile, value), perspective: value }, { requiredKeys: ['query'] })
    .map((v) => JSON.stringify(v)),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint8Array(bytes)),
  fc.constant(oversized),
)
const routes = [
  'GET data/query/{ds}',
  'POST data/query/{ds}',
  'GET data/doc/{ds}/{id}',
  'POST data/mutate/{ds}',
  'POST data/actions/{ds}',
  'GET data/export/{ds}',
  'GET data/listen/{ds}',
  'GET data/history/{ds}/transactions/{id}',
  'GET data/history/{ds}/documents/{id}',
  'GET data/history/{ds}/events/documents/{id}',
  'POST assets/images/{ds}',
  'POST assets/files/{ds}',
  'GET /images/local/{ds}/{id}',
  'GET /files/{ds}/{ds}/{id}',
  'GET users/me',
  'GET projects/{id}/datasets/{ds}/acl',
  'POST auth/asset-session',
  'PUT users/me/keyvalue',
  'GET users/{id}',
  'GET projects/{id}',
  'GET auth/providers',
  'GET auth/fetch',
  'POST auth/logout',
]
const paramNames = [
  'query',
  'perspective',
  '$x',
  '$q',
  '$t',
  'returnIds',
  'limit',
  'time',
  'revision',
  'fromTransaction',
  'includeResult',
  'types',
  'filename',
  'w',
  'fit',
  'rect',
  'dpr',
  'sid',
]
/** The text with lone surrogates replaced, as a URL can only carry well-formed Unicode. */
const wellFormed = (text: string) => text.replace(/\p{Surrogate}/gu, '\uFFFD')
const segment = (text: string) => encodeURIComponent(wellFormed(text))

/** Mostly the valid choice, so that requests get past routing and sign-in to the code under test. */
const mostly = <T>(usual: T, other: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(usual), weight: 5 }, { arbitrary: other, weight: 1 })

export const fuzzRequest = fc.record({
  route: fc.constantFrom(...routes),
  method: mostly<string | null>(null, fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS')),
  version: mostly(`v${apiVersion}`, fc.oneof(fc.constantFrom('v1', 'vX', 'v2021-03-25', '..'), hostile)),
  dataset: mostly('production', hostile),
  id: fc.oneof(fc.constantFrom('survivor-other', 'theme-public,survivor-other', 'consent-1'), hostile),
  params: fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...paramNames), hostile),
      fc.oneof(
        groq,
        value.map((v) => JSON.stringify(v)),
      ),
    ),
    { maxLength: 4 },
  ),
  caller: fc.oneof({ arbitrary: fc.constant<Caller>('administrator'), weight: 3 }, { arbitrary: fc.constantFrom(...callers), weight: 2 }),
  body,
})

export type Send = (
  method: string,
  path: string,
  token: string | null,
  body: string | Uint8Array<ArrayBuffer> | undefined,
) => Promise<Answer>
const errorShape = z.object({ error: z.object({ type: z.string().min(1), description: z.string().min(1) }), statusCode: z.number() })
const trusted: ReadonlyArray<Caller> = ['administrator', 'supervisor']

/** Sends `numRuns` hostile requests through `send` and checks every answer and the dataset after it. */
export async function fuzzApi(archive: Archive, numRuns: number, send: Send): Promise<void> {
  const dataset = archive.lake.services.datasets.get('production')
  const originals = ['survivor-other', 'followup-other', 'consent-1', 'theme-public'].map((id) => dataset.get(id))
  await fc.assert(
    fc.asyncProperty(fuzzRequest, async (request) => {
      const [routeMethod = 'GET', template = ''] = request.route.split(' ')
      const method = request.method ?? routeMethod
      const route = template.replaceAll('{ds}', segment(request.dataset)).replaceAll('{id}', segment(request.id))
      const query = new URLSearchParams(request.params.map(([k, v]) => [wellFormed(k), wellFormed(v)])).toString()
      const path = (route.startsWith('/') ? route : `/${segment(request.version)}/${route}`) + (query ? `?${query}` : '')
      const writes = method !== 'GET' && method !== 'OPTIONS'
      const [documentsBefore, filesBefore] = [dataset.documents(), readdirSync(dataset.assets.folder()).length]
      const answer = await send(method, path, archive.tokens[request.caller], writes ? request.body : undefined)
      expectSafe(answer, request.caller, `${method} ${path.slice(0, 200)}`)
      if (writes && answer.status >= 400) {
        expect(dataset.documents(), `refused ${method} ${path} changed the dataset`).toBe(documentsBefore)
        expect(readdirSync(dataset.assets.folder()).length, `refused ${method} ${path} stored a file`).toBe(filesBefore)
      }
      // An administrator's fuzzed delete-by-query may remove the fixture's records; put them back
      // (and remember the stored copy, so that an untouched record is not written again next run).
      originals.forEach((original, index) => {
        if (!original || dataset.get(original._id) === original) return
        dataset.mutate([{ createOrReplace: original }], { author: 'fuzz' })
        originals[index] = dataset.get(original._id)
      })
    }),
    { numRuns },
  )
}

function expectSafe(answer: Answer, caller: Caller, request: string): void {
  expect(answer.status, `${request} answered ${answer.text.slice(0, 300)}`).toBeLessThan(500)
  expect(answer.text, request).not.toMatch(/\n\s+at |node_modules|file:\/\/|\/work\//)
  if (!trusted.includes(caller)) for (const secret of Object.values(secrets)) expect(answer.text, request).not.toContain(secret)
  if (!trusted.includes(caller) && caller !== 'therapist') expect(answer.text, request).not.toContain(consentSecret)
  if (answer.status < 400 || answer.contentType === '') return
  const shaped = errorShape.safeParse(JSON.parse(answer.text))
  expect(shaped.success, `${request}: ${answer.text.slice(0, 300)}`).toBe(true)
  expect(shaped.data?.statusCode).toBe(answer.status)
}
