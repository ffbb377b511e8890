// The changes one transaction is building: reads see earlier writes of the same transaction, and
// the result lists each touched document once, as it was before and as it will be.
import type { DocumentChange, LakeDocument } from './document.ts'

export interface ChangeSet {
  current: (id: string) => LakeDocument | null
  write: (id: string, document: LakeDocument | null) => void
  changes(): DocumentChange[]
}

export function createChangeSet(read: (id: string) => LakeDocument | null): ChangeSet {
  const working = new Map<string, LakeDocument | null>()
  const before = new Map<string, LakeDocument | null>()
  return {
    current: (id) => (working.has(id) ? (working.get(id) ?? null) : read(id)),
    write(id, document) {
      if (!before.has(id)) before.set(id, read(id))
      working.set(id, document)
    },
    changes: () => [...working.entries()].map(([id, after]) => ({ id, before: before.get(id) ?? null, after })),
  }
}

/** A transaction's changes with the changes that follow from them (made by the lake itself) in their place. */
export function followedBy(changes: ReadonlyArray<DocumentChange>, following: ReadonlyArray<DocumentChange>): DocumentChange[] {
  return [...changes.filter((change) => !following.some((f) => f.id === change.id)), ...following]
}
