// Reads an export archive (the lake's or Sanity's, see archiveExport.ts) from a stream into a
// dataset, without putting an unencrypted byte on disk: file assets are sealed on the way in,
// images (which sharp reads whole) and the documents are held in memory. Into an empty dataset, a
// lake export is restored as it was: documents, asset documents and ids, and the transaction log.
// Otherwise the documents are added (or replace, with `replace`), images made anew without metadata.
import { once } from 'node:events'
import { Parser, type ReadEntry } from 'tar'
import type { AssetPlace } from '../assets/assetDocuments.ts'
import type { ReceivedAsset } from '../assets/assetStore.ts'
import type { Dataset } from '../dataset.ts'
import { parseArchive } from '../../wire/index.ts'
import { badRequest, LakeError } from '../errors.ts'
import { maxAssetBytes } from '../limits.ts'
import { placeAssets, type ArchiveAssets } from './archiveAssets.ts'
import { restoreOrMerge } from './archiveDocuments.ts'
import { withoutErased, type LeftOut } from '../importErasures.ts'

export interface ArchiveImportOptions {
  author: string
  replace: boolean
  place: AssetPlace
}

export interface ArchiveImportResult {
  transactionId: string
  documents: number
  assets: number
  /** Whether the dataset was empty and the archive's documents, ids and history were restored as they were. */
  restored: boolean
  /** Transactions of history restored (none when the documents were added). */
  transactions: number
  /** What erased testimonies the archive held and left out (the archive's erasure records hold). */
  leftOut: LeftOut
}

const invalid = (detail: string) => badRequest(detail, 'invalidImportError')
const tooLarge = () => new LakeError(413, 'requestEntityTooLargeError', `An asset in the archive is larger than ${maxAssetBytes} bytes`)

async function bytesOf(entry: ReadEntry): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of entry) {
    size += chunk.length
    if (size > maxAssetBytes) throw tooLarge()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** The archive's entries by path below its one top folder: texts and images in memory, files sealed on disk. */
async function readEntries(dataset: Dataset, source: AsyncIterable<Uint8Array>): Promise<ArchiveAssets & { texts: Map<string, string> }> {
  const texts = new Map<string, string>()
  const images = new Map<string, Buffer>()
  const files = new Map<string, ReceivedAsset>()
  const work: Array<Promise<void>> = []
  const parser = new Parser({
    strict: true,
    noResume: true,
    onReadEntry: (entry) => {
      const path = entry.path.replace(/^\.\//, '').split('/').slice(1).join('/')
      const safe = entry.type === 'File' && !path.split('/').includes('..')
      if (safe && /^(data\.ndjson|assets\.json|transactions\/\d+\.ndjson)$/.test(path))
        work.push(bytesOf(entry).then((bytes) => void texts.set(path, bytes.toString('utf8'))))
      else if (safe && /^images\/[^/]+$/.test(path)) work.push(bytesOf(entry).then((bytes) => void images.set(path, bytes)))
      else if (safe && /^files\/[^/]+$/.test(path))
        work.push(dataset.assets.receive(entry, maxAssetBytes, tooLarge).then((received) => void files.set(path, received)))
      else entry.resume()
    },
  })
  const failed = new Promise<never>((_, reject) => parser.once('error', reject))
  const done = once(parser, 'close')
  try {
    await Promise.race([
      failed,
      (async () => {
        for await (const chunk of source) if (!parser.write(Buffer.from(chunk))) await once(parser, 'drain')
        parser.end()
        await done
        await Promise.all(work)
      })(),
    ])
  } catch (error) {
    await Promise.allSettled(work)
    for (const staged of files.values()) staged.discard()
    if (error instanceof LakeError) throw error
    throw invalid(`The archive is not a readable .tar.gz export (${error instanceof Error ? error.message : String(error)})`)
  }
  return { texts, images, files }
}

export async function importArchiveStream(
  dataset: Dataset,
  source: AsyncIterable<Uint8Array>,
  options: ArchiveImportOptions,
): Promise<ArchiveImportResult> {
  const entries = await readEntries(dataset, source)
  try {
    const data = entries.texts.get('data.ndjson')
    if (data === undefined) throw invalid('The archive holds no data.ndjson; is it an export made by Sanity or the lake?')
    let parsed
    try {
      parsed = parseArchive(data)
    } catch (error) {
      throw invalid(error instanceof Error ? error.message : String(error))
    }
    // A backup made before an erasure does not bring her back: neither her documents nor the files only they used.
    const { kept: documents, leftOut } = withoutErased(parsed, dataset.documents())
    const meta: unknown = JSON.parse(entries.texts.get('assets.json') ?? '{}')
    // Only the lake's own export carries the log that makes a restore whole; Sanity's is imported.
    // (Not when an erasure left something out: the log would still hold it.)
    const restoring =
      leftOut.documents === 0 &&
      dataset.documents().length === 0 &&
      [...entries.texts.keys()].some((path) => path.startsWith('transactions/'))
    const assets = await placeAssets(dataset, documents, entries, meta, { restoring, place: options.place })
    const history = [...entries.texts.entries()]
      .filter(([path]) => path.startsWith('transactions/'))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, text]) => text)
    const written = restoreOrMerge(dataset, documents, assets, history, { ...options, restoring })
    return { ...written, documents: documents.length, assets: assets.documents.size, restored: restoring, leftOut }
  } finally {
    for (const staged of entries.files.values()) staged.discard()
  }
}
