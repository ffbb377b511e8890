// An export written to a file, and read back for an import: a .tar.gz archive with the assets
// (archiveExport.ts) or an .ndjson of the documents, each encrypted with age unless asked plain
// (a trailing `.age` is the usual name). It is written to a temporary file beside the target and
// renamed into place when whole, so a backup file is never half a backup.
import { once } from 'node:events'
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { flushFolder } from '../atRest/durableFile.ts'
import type { Dataset } from '../dataset.ts'
import { exportDocuments } from '../transfer.ts'
import { ageDecrypted, ageEncrypted, ageHeader, type BackupKey, type BackupLock } from './ageLock.ts'
import { archiveOf, type ExportCounts } from './archiveExport.ts'

export type ExportFormat = 'archive' | 'documents'

/** `.tar.gz` or `.tgz` (with or without `.age` after it) is an archive with the assets; anything else NDJSON. */
export function exportFormatOf(file: string): ExportFormat {
  const name = file.replace(/\.age$/, '')
  return name.endsWith('.tar.gz') || name.endsWith('.tgz') ? 'archive' : 'documents'
}

export async function writeExport(
  dataset: Dataset,
  file: string,
  options: { lock: BackupLock | 'plain'; now: Date; signal?: AbortSignal },
): Promise<ExportCounts> {
  const lock = options.lock
  const seal =
    lock === 'plain'
      ? async function* (source: AsyncIterable<Uint8Array>) {
          yield* source
        }
      : (source: AsyncIterable<Uint8Array>) => ageEncrypted(source, lock)
  const temporary = `${file}.${process.pid}.partial`
  const written = () => createWriteStream(temporary, { flush: true, mode: 0o600 })
  let counts: ExportCounts
  try {
    // One pipeline, so that a failure (or a stop) anywhere ends every stage and nothing waits.
    if (exportFormatOf(file) === 'archive') {
      const archive = archiveOf(dataset, options.now, options.signal)
      counts = archive.counts
      await pipeline(Readable.from(archive.chunks), createGzip(), seal, written())
    } else {
      counts = { documents: dataset.documents().length, assets: 0, transactions: 0 }
      await pipeline(Readable.from([Buffer.from(exportDocuments(dataset))]), seal, written())
    }
    renameSync(temporary, file)
    flushFolder(dirname(file))
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
  return counts
}

async function startsWithAge(file: string): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const first = Buffer.alloc(ageHeader.length)
    const { bytesRead } = await handle.read(first, 0, first.length, 0)
    return bytesRead === first.length && first.equals(ageHeader)
  } finally {
    await handle.close()
  }
}

/** An export's plain bytes, decrypted with the key `key()` gives when the file is encrypted. */
export async function readExport(
  file: string,
  key: () => Promise<BackupKey>,
): Promise<{ format: ExportFormat; encrypted: boolean; chunks: AsyncIterable<Uint8Array> }> {
  const encrypted = await startsWithAge(file)
  const stream = createReadStream(file)
  await once(stream, 'open')
  const chunks = encrypted ? await ageDecrypted(stream, await key()) : stream
  return { format: exportFormatOf(file), encrypted, chunks }
}

export async function textOf(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = []
  for await (const chunk of chunks) parts.push(chunk)
  return Buffer.concat(parts).toString('utf8')
}
