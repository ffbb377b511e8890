// A tar archive written as a stream, entry by entry, from bytes in memory or from streams of a known
// size (asset files read and decrypted on the way), so that an export never puts an unencrypted copy
// of anything on disk. node-tar encodes the headers.
import { Header } from 'tar'

export interface TarEntry {
  path: string
  /** Null for a folder. */
  body: { size: number; chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> } | null
  mtime: Date
}

const block = 512

function headerOf(entry: TarEntry): Buffer {
  const header = new Header({
    path: entry.body ? entry.path : `${entry.path.replace(/\/$/, '')}/`,
    mode: entry.body ? 0o644 : 0o755,
    size: entry.body?.size ?? 0,
    mtime: entry.mtime,
    type: entry.body ? 'File' : 'Directory',
  })
  if (header.encode() || !header.block) throw new Error(`The archive path ${entry.path} does not fit a plain tar header`)
  return header.block
}

export async function* tarStream(entries: AsyncIterable<TarEntry> | Iterable<TarEntry>, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  for await (const entry of entries) {
    yield headerOf(entry)
    if (!entry.body) continue
    let written = 0
    for await (const chunk of entry.body.chunks) {
      signal?.throwIfAborted()
      written += chunk.length
      yield chunk
    }
    if (written !== entry.body.size) throw new Error(`${entry.path} gave ${written} bytes, not the ${entry.body.size} its header says`)
    const padding = (block - (written % block)) % block
    if (padding > 0) yield Buffer.alloc(padding)
  }
  yield Buffer.alloc(2 * block)
}
