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
 * The same as a new array, in one pass however many changes there are (for many writes gathered
 * between two reads): the last change of each id wins, as applying them in order would give.
 */
export function mergedWithChanges(sorted: ReadonlyArray<LakeDocument>, changes: ReadonlyArray<DocumentChange>): LakeDocument[] {
  const last = new Map<string, LakeDocument | null>()
  for (const change of changes) last.set(change.id, change.after)
  const changedIds = [...last.keys()].sort(compareIds)
  const next: LakeDocument[] = []
  let c = 0
  for (const document of sorted) {
    for (; c < changedIds.length && compareIds(changedIds[c] ?? '', document._id) < 0; c++) {
      const added = last.get(changedIds[c] ?? '')
      if (added) next.push(added)
    }
    if (c < changedIds.length && changedIds[c] === document._id) {
      const changed = last.get(document._id)
      if (changed) next.push(changed)
      c++
    } else next.push(document)
  }
  for (; c < changedIds.length; c++) {
    const added = last.get(changedIds[c] ?? '')
    if (added) next.push(added)
  }
  return next
}
