// The raw documents a narrowed query needs, found through an index instead of read from all of them,
// so that groq-js filters a few documents rather than the whole dataset. In the drafts perspectives
// a document is read with its other half (the published one with its draft, and the reverse), so
// that the perspective lays each draft over its published document exactly as over all documents.
import { draftIdOf, publishedIdOf } from '../../core/index.ts'
import type { LakeDocument } from '../mutations/document.ts'
import { sortedById } from '../store/documentsById.ts'
import type { Narrowing } from './narrowing.ts'
import type { Perspective } from './perspective.ts'

/** Lookups into a dataset's documents, kept by its store. */
export interface DocumentIndex {
  get(id: string): LakeDocument | null
  /** The documents of this `_type`, in `_id` order. */
  ofType(type: string): ReadonlyArray<LakeDocument>
}

/** The raw documents the query may read, in `_id` order as `*` gives them. */
export function candidates(narrowing: Narrowing, index: DocumentIndex, perspective: Perspective): ReadonlyArray<LakeDocument> {
  const overlays = perspective === 'drafts' || perspective === 'previewDrafts'
  // One type and nothing else, where no draft needs its other half: the index's own array, already in order.
  if (!overlays && narrowing.ids.size === 0 && narrowing.types.size === 1) return index.ofType([...narrowing.types][0] ?? '')
  const found = new Map<string, LakeDocument>()
  const add = (id: string) => {
    const document = found.has(id) ? null : index.get(id)
    if (document) found.set(id, document)
  }
  for (const id of narrowing.ids) {
    add(id)
    if (overlays) withOtherHalf(id, add)
  }
  for (const type of narrowing.types)
    for (const document of index.ofType(type)) {
      found.set(document._id, document)
      if (overlays) withOtherHalf(document._id, add)
    }
  return sortedById(found.values())
}

/** A drafts perspective shows a document under its published id, made from the draft if there is one. */
function withOtherHalf(id: string, add: (id: string) => void): void {
  const publishedId = publishedIdOf(id)
  add(publishedId)
  add(draftIdOf(publishedId))
}
