// The document events of Sanity's history API (the Studio's history timeline), derived from the
// transaction log: a draft created, published, unpublished, discarded; a document deleted.
// Edits between them the Studio reads from the transactions themselves.

import type { TransactionRecord } from '../store/datasetStore.ts'
import { draftIdOf, publishedIdOf } from '../../core/index.ts'

export type DocumentEvent = { type: string; documentId: string; timestamp: string; author: string } & Record<string, string>

export function documentEvents(transactions: ReadonlyArray<TransactionRecord>, documentId: string): DocumentEvent[] {
  const publishedId = publishedIdOf(documentId)
  const draftId = draftIdOf(publishedId)
  const events: DocumentEvent[] = []
  for (const transaction of transactions) {
    const draft = transaction.changes.find((change) => change.id === draftId)
    const published = transaction.changes.find((change) => change.id === publishedId)
    const base = { documentId: publishedId, timestamp: transaction.timestamp, author: transaction.author }
    if (draft && !draft.before && draft.after) {
      if (published?.before && !published.after) events.push({ ...base, type: 'unpublishDocument', versionId: draftId })
      else events.push({ ...base, type: 'createDocumentVersion', versionId: draftId, versionRevisionId: transaction.id })
    } else if (draft?.before && !draft.after) {
      if (published?.after)
        events.push({
          ...base,
          type: 'publishDocumentVersion',
          versionId: draftId,
          revisionId: transaction.id,
          versionRevisionId: draft.before._rev ?? '',
        })
      else events.push({ ...base, type: 'deleteDocumentVersion', versionId: draftId, versionRevisionId: draft.before._rev ?? '' })
    } else if (published && !draft) {
      if (!published.before && published.after)
        events.push({
          ...base,
          type: 'createDocumentVersion',
          versionId: publishedId,
          revisionId: transaction.id,
          versionRevisionId: transaction.id,
        })
      else if (published.before && published.after) events.push({ ...base, type: 'updateLiveDocument', revisionId: transaction.id })
      else if (published.before && !published.after) events.push({ ...base, type: 'deleteDocumentGroup' })
    }
  }
  return events.reverse()
}
