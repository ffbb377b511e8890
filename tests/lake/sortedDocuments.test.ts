// The documents in `_id` order, as `*` gives them, kept across writes: many writes gathered between
// two reads and merged in one pass give exactly what applying them one by one gives, and a reader
// keeps the array it was handed.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DocumentChange, LakeDocument } from '../../lake/mutations/document.ts'
import { mergedWithChanges, sortedById, withChanges } from '../../lake/store/documentsById.ts'

const id = fc.constantFrom('a', 'b', 'c', 'drafts.a', 'drafts.b', 'theme-1', 'theme-2', 'z', 'versions.r.a')
const document =
  (n: number) =>
  (documentId: string): LakeDocument => ({ _id: documentId, _type: 'theme', n })
const change = fc.record({ id, present: fc.boolean(), n: fc.nat() }).map(({ id, present, n }): DocumentChange => ({
  id,
  before: null,
  after: present ? document(n)(id) : null,
}))

describe('the documents in _id order', () => {
  it('merges a run of writes in one pass exactly as applying them one after another', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id), fc.array(change, { maxLength: 30 }), (ids, changes) => {
        const before = sortedById(ids.map(document(0)))
        const handedOut = [...before]
        const oneByOne = changes.reduce<LakeDocument[]>((sorted, each) => withChanges(sorted, [each]), before)
        const now = new Map<string, LakeDocument | null>(before.map((document) => [document._id, document]))
        for (const each of changes) now.set(each.id, each.after)
        const current = (changedId: string) => now.get(changedId) ?? null
        expect(mergedWithChanges(before, new Set(changes.map((each) => each.id)), current)).toEqual(oneByOne)
        expect(before).toEqual(handedOut)
      }),
    )
  })
})
