// Moving data in and out of a dataset in Sanity's export format (NDJSON, one document a line).
import type { Dataset } from './dataset.ts'
import { badRequest } from './errors.ts'
import { parseArchive, formatArchive } from './datasetFile.ts'

export interface ImportResult {
  transactionId: string
  documents: number
}

/** Imports documents in one transaction: all of them, or none if any line is bad. */
export function importDocuments(dataset: Dataset, ndjson: string, options: { author: string; replace: boolean }): ImportResult {
  let documents
  try {
    documents = parseArchive(ndjson)
  } catch (error) {
    throw badRequest(error instanceof Error ? error.message : String(error), 'invalidImportError')
  }
  const key = options.replace ? 'createOrReplace' : 'createIfNotExists'
  const mutations = documents.map((document) => ({ [key]: document }))
  const result = dataset.mutate(mutations, { author: options.author, restoring: true })
  return { transactionId: result.transactionId, documents: documents.length }
}

/** Every document of the dataset, drafts included, in Sanity's export format. */
export function exportDocuments(dataset: Dataset): string {
  const documents = [...dataset.documents()].sort((a, b) => a._id.localeCompare(b._id))
  return formatArchive(documents)
}
