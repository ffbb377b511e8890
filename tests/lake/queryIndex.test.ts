// Queries by id and by type read only their candidates through the store's index; for random
// documents, writes and query shapes, in every perspective and behind a read grant, the answer is
// exactly what groq-js gives over all documents (the same documents, in the same `_id` order).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { LakeDocument } from '../../lake/mutations/document.ts'
import { parseGroq } from '../../lake/query/groqJs.ts'
import { narrowingOf } from '../../lake/query/narrowing.ts'
import { perspectives } from '../../lake/query/perspective.ts'
import { runQuerySync } from '../../lake/query/runQuery.ts'
import { DatasetStore } from '../../lake/store/datasetStore.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'query-index-'))
const store = new DatasetStore(join(dataDir, 'production.sqlite'), 'plain')
afterAll(() => {
  store.close()
  rmSync(dataDir, { recursive: true, force: true })
})

// "zeta" sorts after "drafts.zeta", "a" before "drafts.a": both orders of a draft and its document.
const ids = ['a', 'b', 'zeta', 'drafts.a', 'drafts.b', 'drafts.zeta', 'drafts.c', 'versions.r1.a', 'x-1']
const types = ['theme', 'testimony', 'ceremony']
const queries = [
  '*[_id == $id]',
  '*[_id == $id][0]',
  '*[@._id == $id][0]{_id, _originalId, n}',
  '*[$id == _id]',
  '*[_id in $ids]',
  '*[_id in ["a", "drafts.a", "zeta"]]._id',
  '*[_type == $type]',
  '*[$type == _type]{_id, _type, "original": _originalId}',
  '*[_type in $types]',
  '*[_type in ["theme", "ceremony"]]._id',
  '*[(_type == $type) && n > $n]',
  '*[_type == $type && _id in $ids]',
  '*[_id == $id || _type == $type]',
  '*[_type == $type] | order(n desc, _id asc)[0...3]',
  'count(*[_type == $type])',
  '*[_type == $type]{_id, "same": *[_type == ^._type && n == ^.n]._id}',
  '*[_type == $type && references($id)]._id',
  // The site's reads of public stories (site/content/contentQuery.ts): their ids, then a page by id.
  '*[_type == $type && !(_id in path("drafts.**")) && !(_id in path("versions.**"))] | order(_id)._id',
  '*[_type == $type && _id in $ids && !(_id in path("drafts.**")) && !(_id in path("versions.**"))] | order(_id){_id, n}',
  // Not narrowed: these read every document, as before.
  '*[n > $n]._id',
  '*[_type == $type]{_id, "to": r->_id}',
  '{"one": *[_id == $id][0]._id, "all": count(*)}',
]

const document = fc.record({
  _id: fc.constantFrom(...ids),
  _type: fc.constantFrom(...types),
  n: fc.integer({ min: 0, max: 3 }),
  r: fc.option(fc.record({ _ref: fc.constantFrom(...ids) }), { nil: undefined }),
  secret: fc.boolean(),
})
const write = fc.oneof(
  document.map((after) => ({ id: after._id, after: Object.fromEntries(Object.entries(after).filter(([, v]) => v !== undefined)) })),
  fc.constantFrom(...ids).map((id) => ({ id, after: null })),
)
const params = fc.record({
  id: fc.constantFrom(...ids, 'missing'),
  ids: fc.subarray([...ids, 'missing']),
  type: fc.constantFrom(...types, 'missing'),
  types: fc.subarray([...types, 'missing']),
  n: fc.integer({ min: 0, max: 3 }),
})
let transaction = 0
function commit(writes: ReadonlyArray<{ id: string; after: Record<string, unknown> | null }>) {
  const changes = new Map<string, LakeDocument | null>()
  for (const { id, after } of writes) changes.set(id, after && { ...after, _id: id, _type: String(after._type) })
  store.commit({
    id: `tx-${++transaction}`,
    timestamp: new Date(0).toISOString(),
    author: 'test',
    mutations: [],
    changes: [...changes].map(([id, after]) => ({ id, before: store.get(id), after })),
  })
}
const notSecret = (documents: ReadonlyArray<LakeDocument>) => documents.filter((d) => d.secret !== true)

describe('queries through the index', () => {
  it('recognises filters by id and type, and nothing that reads the whole dataset', () => {
    const narrowed = (query: string) => narrowingOf(parseGroq(query, { params: { id: 'a', ids: ['a', 'b'], t: 'theme' } }))
    expect(narrowed('*[_id == $id][0]')).toEqual({ ids: new Set(['a']), types: new Set() })
    expect(narrowed('*[_id in $ids]')).toEqual({ ids: new Set(['a', 'b']), types: new Set() })
    expect(narrowed('*[_type == $t && x > 1] | order(x)')).toEqual({ ids: new Set(), types: new Set(['theme']) })
    expect(narrowed('*[_type in ["a", "b"] && _id == "c"]')).toEqual({ ids: new Set(['c']), types: new Set() })
    expect(narrowed('*[_type == "a" || _id == "c"]')).toEqual({ ids: new Set(['c']), types: new Set(['a']) })
    // A page of the site's public stories reads those stories only, not every story to find them.
    expect(narrowed(`*[_type == $t && _id in $ids && !(_id in path("drafts.**"))] | order(_id){_id}`)).toEqual({
      ids: new Set(['a', 'b']),
      types: new Set(),
    })
    for (const query of [
      '*',
      '*[x == 1]',
      'count(*[references($id)])',
      '*[_type == $t]{"b": b->title}',
      '*[_type == "a" || x == 1]',
      'releases::all()[title == "x"]',
    ])
      expect(narrowed(query), query).toBeNull()
    // A parameter holding what looks like syntax is a value, not a `*`.
    expect(narrowingOf(parseGroq('*[_id == "a"]{"p": $p}', { params: { p: { type: 'Everything' } } }))).toEqual({
      ids: new Set(['a']),
      types: new Set(),
    })
  })

  it('answers exactly as groq-js over all documents, in every perspective, after any writes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(write, { minLength: 1, maxLength: 4 }), { maxLength: 4 }),
        fc.constantFrom(...queries),
        params,
        fc.constantFrom(...perspectives),
        fc.boolean(),
        (transactions, query, queryParams, perspective, behindGrant) => {
          for (const writes of transactions) commit(writes)
          const input = {
            query,
            params: { ...queryParams },
            perspective,
            documents: store.all(),
            ...(behindGrant ? { readable: notSecret } : {}),
          }
          expect(runQuerySync({ ...input, index: store })).toEqual(runQuerySync(input))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps the index by type in step when a document changes its type or goes', () => {
    commit([{ id: 'moved', after: { _type: 'theme', n: 1 } }])
    expect(store.ofType('theme').map((d) => d._id)).toContain('moved')
    commit([{ id: 'moved', after: { _type: 'ceremony', n: 1 } }])
    expect(store.ofType('theme').map((d) => d._id)).not.toContain('moved')
    expect(store.ofType('ceremony').map((d) => d._id)).toContain('moved')
    commit([{ id: 'moved', after: null }])
    expect(store.ofType('ceremony').map((d) => d._id)).not.toContain('moved')
  })
})
