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
  return changedInPlace([...sorted], changes)
}

/** The same array with the changes applied, for an array nobody else holds. */
export function changedInPlace(sorted: LakeDocument[], changes: ReadonlyArray<DocumentChange>): LakeDocument[] {
  for (const change of changes) {
    const at = positionOf(sorted, change.id)
    const present = sorted[at]?._id === change.id
    if (change.after) sorted.splice(at, present ? 1 : 0, change.after)
    else if (present) sorted.splice(at, 1)
  }
  return sorted
}
