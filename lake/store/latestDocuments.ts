// The documents as a new transaction is built against them: the durable ones with the changes of
// the transactions still waiting for their group's commit laid over them. Guards read this view, so
// each sees every earlier transaction's effects, in commit order; readers keep the durable one.
import type { LakeDocument } from '../mutations/document.ts'
import type { DocumentIndex } from '../query/candidates.ts'
import { mergedWithChanges, sortedById } from './documentsById.ts'
import type { GroupCommit } from './groupCommit.ts'

export interface DocumentsView extends DocumentIndex {
  /** Every document, in `_id` order. */
  all(): ReadonlyArray<LakeDocument>
}

export function latestDocuments(durable: DocumentsView, waiting: GroupCommit): DocumentsView {
  const get = (id: string) => {
    const latest = waiting.latest(id)
    return latest === undefined ? durable.get(id) : latest
  }
  return {
    get,
    ofType(type) {
      if (waiting.idle) return durable.ofType(type)
      const changed = waiting.changedIds
      const kept = durable.ofType(type).filter((document) => !changed.has(document._id))
      const added = [...changed].flatMap((id) => {
        const document = get(id)
        return document?._type === type ? [document] : []
      })
      return added.length === 0 ? kept : sortedById([...kept, ...added])
    },
    all() {
      return waiting.idle ? durable.all() : mergedWithChanges(durable.all(), waiting.changedIds, get)
    },
  }
}
