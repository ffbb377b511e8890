// Sanity's export archive, as `sanity dataset export` writes it and `sanity dataset import` reads it:
// <name>/data.ndjson, <name>/assets.json and the asset files under images/ and files/, each asset
// field written as `_sanityAsset`. Made as a stream from a snapshot of the documents; the asset
// files are read (and decrypted) as they are written out. Beside Sanity's files, which Sanity's
// tools read, the lake adds what a restore needs to give back the dataset as it was: each asset
// document whole in assets.json, and the transaction log up to the snapshot in transactions/.
import { storedFileName } from '../assets/assetDocuments.ts'
import type { Dataset } from '../dataset.ts'
import { formatArchive } from '../../wire/index.ts'
import { isRecord, mapAssetFields, replaceKey } from './assetFields.ts'
import { tarStream, type TarEntry } from './tarStream.ts'

export const assetTypes = ['sanity.imageAsset', 'sanity.fileAsset']

export interface ExportCounts {
  documents: number
  assets: number
  transactions: number
}

/** Transactions per file of transactions/, so that the log is never held whole in memory. */
const transactionsPerFile = 500

/** The archive's tar bytes (gzip them), and the counts, complete once the bytes have been read. */
export function archiveOf(dataset: Dataset, now: Date, signal?: AbortSignal): { chunks: AsyncIterable<Uint8Array>; counts: ExportCounts } {
  const prefix = `${dataset.name}-export-${now.toISOString().slice(0, 10)}`
  const snapshot = dataset.store.snapshot()
  const documents = [...snapshot.documents].sort((a, b) => a._id.localeCompare(b._id))
  const assets = documents.filter((d) => assetTypes.includes(d._type))
  const rewritten = documents
    .filter((d) => !assetTypes.includes(d._type))
    .map((d) =>
      mapAssetFields(d, (field) => {
        const id = isRecord(field.asset) && typeof field.asset._ref === 'string' ? field.asset._ref : ''
        const kind = id.startsWith('image-') ? 'image' : 'file'
        return replaceKey(field, 'asset', '_sanityAsset', `${kind}@file://./${kind}s/${storedFileName(id)}`)
      }),
    )
    .filter(isRecord)
  const counts: ExportCounts = { documents: rewritten.length, assets: 0, transactions: 0 }
  const text = (path: string, contents: string): TarEntry => {
    const bytes = Buffer.from(contents)
    return { path, mtime: now, body: { size: bytes.length, chunks: [bytes] } }
  }
  async function* entries(): AsyncGenerator<TarEntry> {
    yield { path: prefix, mtime: now, body: null }
    yield text(`${prefix}/data.ndjson`, formatArchive(rewritten))
    const kept: Record<string, unknown> = {}
    for (const folder of ['images', 'files']) yield { path: `${prefix}/${folder}`, mtime: now, body: null }
    for (const asset of assets) {
      signal?.throwIfAborted()
      const name = storedFileName(asset._id)
      // A file erased since the snapshot was taken is left out, with its document.
      const file = name ? await dataset.assets.open(name) : null
      if (!name || !file) continue
      const folder = asset._type === 'sanity.imageAsset' ? 'images' : 'files'
      const chunks = file.size === 0 ? [] : file.stream(0, file.size - 1)
      yield { path: `${prefix}/${folder}/${name}`, mtime: now, body: { size: file.size, chunks } }
      kept[asset._id] = asset
      counts.assets++
    }
    yield text(`${prefix}/assets.json`, JSON.stringify(kept))
    yield { path: `${prefix}/transactions`, mtime: now, body: null }
    for (let after = 0, file = 1; ; file++) {
      // Stopped (the archive is stopping): no read of a store that may be closed next.
      signal?.throwIfAborted()
      const page = dataset.store.transactionsBetween(after, snapshot.lastSeq, transactionsPerFile)
      if (page.length === 0) break
      after = page.at(-1)?.seq ?? snapshot.lastSeq
      counts.transactions += page.length
      const name = `${prefix}/transactions/${String(file).padStart(6, '0')}.ndjson`
      yield text(name, formatArchive(page.map(({ seq: _seq, ...transaction }) => transaction)))
    }
  }
  return { chunks: tarStream(entries(), signal), counts }
}
