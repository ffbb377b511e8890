// The dataset's documents in `_id` order, as Sanity returns `*`. Kept in order across writes by
// placing each changed document with a binary search, instead of sorting the whole dataset again.
import type { DocumentChange, LakeDocument } from '../mutations/document.ts'

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function sortedById(documents: Iterable<LakeDocument>): LakeDocument[] {
  return [...documents].sort((a, b) => compareIds(a._id, b._id))
}

/** Where a document with this id is, or would be, in the sorted array. */
function positionOf(sorted: ReadonlyArray<LakeDocument>, id: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareIds(sorted[middle]?._id ?? '', id) < 0) low = middle + 1
    else high = middle
  }
  return low
}

/** A new sorted array with the changes applied (the old one stays as it was: readers may hold it). */
export function withChanges(sorted: ReadonlyArray<LakeDocument>, changes: ReadonlyArray<DocumentChange>): LakeDocument[] {
  const next = [...sorted]
  for (const change of changes) {
    const at = positionOf(next, change.id)
    const present = next[at]?._id === change.id
    if (change.after) next.splice(at, present ? 1 : 0, change.after)
    else if (present) next.splice(at, 1)
  }
  return next
}

/**
 * A new sorted array in which the documents of `changedIds` are as `current` has them now (gone when
 * it has none), in one pass however many there are: for many writes gathered between two reads.
 */
export function mergedWithChanges(
  sorted: ReadonlyArray<LakeDocument>,
  changedIds: ReadonlySet<string>,
  current: (id: string) => LakeDocument | null,
): LakeDocument[] {
  const ids = [...changedIds].sort(compareIds)
  const next: LakeDocument[] = []
  const addCurrent = (id: string) => {
    const document = current(id)
    if (document) next.push(document)
  }
  let c = 0
  for (const document of sorted) {
    for (; c < ids.length && compareIds(ids[c] ?? '', document._id) < 0; c++) addCurrent(ids[c] ?? '')
    if (c < ids.length && ids[c] === document._id) addCurrent(ids[c++] ?? '')
    else next.push(document)
  }
  for (; c < ids.length; c++) addCurrent(ids[c] ?? '')
  return next
}
