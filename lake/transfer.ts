// Moving data in and out of a dataset in Sanity's export format (NDJSON, one document a line).
import type { Dataset } from './dataset.ts'
import { badRequest } from './errors.ts'
import { maxImportBytes } from './limits.ts'
import { parseArchive, formatArchive } from '../wire/index.ts'
import { withoutErased, type LeftOut } from './importErasures.ts'

export interface ImportResult {
  transactionId: string
  documents: number
  /** What erased testimonies the import held and left out (the archive's erasure records hold). */
  leftOut: LeftOut
}

/** Imports documents in one transaction: all of them (but what erasures removed), or none if any line is bad. */
export function importDocuments(
  dataset: Dataset,
  ndjson: string,
  options: { author: string; replace: boolean; maxBytes?: number },
): ImportResult {
  const bytes = Buffer.byteLength(ndjson)
  const maxBytes = options.maxBytes ?? maxImportBytes
  if (bytes > maxBytes)
    throw badRequest(
      `The archive to import holds ${megabytes(bytes)} MB; one import is one transaction, of at most ${megabytes(maxBytes)} MB. Nothing was imported. Split the file by lines (split -C ${megabytes(maxBytes)}m archive.ndjson part-) and import each part.`,
      'invalidImportError',
    )
  let parsed
  try {
    parsed = parseArchive(ndjson)
  } catch (error) {
    throw badRequest(error instanceof Error ? error.message : String(error), 'invalidImportError')
  }
  const { kept, leftOut } = withoutErased(parsed, dataset.documents())
  const key = options.replace ? 'createOrReplace' : 'createIfNotExists'
  const mutations = kept.map((document) => ({ [key]: document }))
  const result = dataset.mutate(mutations, { author: options.author, restoring: true })
  return { transactionId: result.transactionId, documents: kept.length, leftOut }
}

const megabytes = (bytes: number) => Math.floor(bytes / (1024 * 1024))

/** The import's words for what it left out, or nothing when it left out nothing. */
export function leftOutNotice(leftOut: LeftOut): string {
  if (leftOut.documents === 0) return ''
  return ` Left out ${leftOut.documents} documents of ${leftOut.testimonies} erased testimonies: the archive's erasure records hold, so a backup made before an erasure does not bring it back.`
}

/** Every document of the dataset, drafts included, in Sanity's export format. */
export function exportDocuments(dataset: Dataset): string {
  const documents = [...dataset.documents()].sort((a, b) => a._id.localeCompare(b._id))
  return formatArchive(documents)
}
