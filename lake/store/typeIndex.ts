// The dataset's documents by `_type`, each type's in `_id` order, kept in step with every write so
// that `*[_type == …]` reads only that type's documents. Each write makes new arrays for the types it
// touches (readers may still hold the old ones) and leaves the others as they were.
import type { DocumentChange, LakeDocument } from '../mutations/document.ts'
import { withChanges } from './documentsById.ts'

export class TypeIndex {
  readonly #byType = new Map<string, LakeDocument[]>()

  /** From every document, in `_id` order. */
  constructor(sorted: ReadonlyArray<LakeDocument>) {
    for (const document of sorted) {
      const documents = this.#byType.get(document._type)
      if (documents) documents.push(document)
      else this.#byType.set(document._type, [document])
    }
  }

  ofType(type: string): ReadonlyArray<LakeDocument> {
    return this.#byType.get(type) ?? []
  }

  /** Applies a write; `stored` is each changed document as it was before (as the index holds it). */
  apply(changes: ReadonlyArray<DocumentChange>, stored: (id: string) => LakeDocument | null): void {
    const byType = new Map<string, DocumentChange[]>()
    const touch = (type: string, change: DocumentChange) => {
      const list = byType.get(type)
      if (list) list.push(change)
      else byType.set(type, [change])
    }
    for (const change of changes) {
      const previousType = stored(change.id)?._type
      const nextType = change.after?._type
      // A document whose type changed leaves its old type's array and joins the new one's.
      if (previousType !== undefined && previousType !== nextType) touch(previousType, { ...change, after: null })
      if (nextType !== undefined) touch(nextType, change)
    }
    for (const [type, typeChanges] of byType) {
      const next = withChanges(this.ofType(type), typeChanges)
      if (next.length === 0) this.#byType.delete(type)
      else this.#byType.set(type, next)
    }
  }
}
