// How asset bytes are kept on disk: sealed (see sealedFile.ts) in an encrypted data folder, as
// they are in a plain one. Both write through a stream and read any byte range as a stream, so the
// asset store and the HTTP routes do not care which.
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import type { FolderKey } from './dataKey.ts'
import {
  chunkBytes,
  headerBytes,
  newHeader,
  openBytes,
  openChunk,
  readHeader,
  sealBytes,
  sealChunk,
  sealedChunkBytes,
  sealedLayout,
  type SealedHeader,
} from './sealedFile.ts'

export interface StoredAsset {
  /** The asset's own size in bytes (not the stored file's). */
  size: number
  /** Bytes `start` to `end`, both included, within 0 ≤ start ≤ end < size. */
  stream(start: number, end: number): Readable
}

export interface AssetCodec {
  readonly encrypted: boolean
  /** A stream from the asset's bytes to what is stored. */
  writer(): Transform
  seal(plain: Buffer): Buffer
  unseal(stored: Buffer): Buffer
  open(path: string): Promise<StoredAsset>
}

/** Chunks read from disk at a time: 1 MiB, few system calls, little memory. */
const chunksPerRead = 16

class SealingStream extends Transform {
  readonly #fileKey: Buffer
  #pending: Buffer = Buffer.alloc(0)
  #index = 0

  constructor(assetKey: Buffer) {
    super()
    const { header, fileKey } = newHeader(assetKey)
    this.#fileKey = fileKey
    this.push(header)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#pending = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk])
    // A full chunk is sealed only when more follows, so that the last chunk is always marked last.
    while (this.#pending.length > chunkBytes) {
      this.push(sealChunk(this.#fileKey, this.#index++, false, this.#pending.subarray(0, chunkBytes)))
      this.#pending = this.#pending.subarray(chunkBytes)
    }
    done()
  }

  override _flush(done: TransformCallback): void {
    this.push(sealChunk(this.#fileKey, this.#index++, true, this.#pending))
    done()
  }
}

/**
 * Headers already read, by file (with its size, time and inode, so a replaced file is read again):
 * an audio player seeking asks for many ranges of one recording, and each would read and unwrap it.
 */
type HeaderCache = Map<string, { stamp: string; header: SealedHeader }>
const cachedHeaders = 256

async function headerOf(path: string, assetKey: Buffer, cache: HeaderCache): Promise<{ header: SealedHeader; storedBytes: number }> {
  const { size: storedBytes, mtimeMs, ino } = await stat(path)
  const stamp = `${storedBytes}:${mtimeMs}:${ino}`
  const cached = cache.get(path)
  if (cached?.stamp === stamp) return { header: cached.header, storedBytes }
  const handle = await open(path, 'r')
  const bytes = Buffer.alloc(headerBytes)
  try {
    await handle.read(bytes, 0, headerBytes, 0)
  } finally {
    await handle.close()
  }
  const header = readHeader(bytes, assetKey)
  cache.delete(path)
  cache.set(path, { stamp, header })
  // The oldest goes first (a Map keeps its keys in the order they were set).
  if (cache.size > cachedHeaders) cache.delete(cache.keys().next().value ?? '')
  return { header, storedBytes }
}

async function openSealed(path: string, assetKey: Buffer, cache: HeaderCache): Promise<StoredAsset> {
  const { header, storedBytes } = await headerOf(path, assetKey, cache)
  const { fileKey, chunkBytes: chunk } = header
  const { chunks, size } = sealedLayout(storedBytes, chunk)
  const sealed = sealedChunkBytes(chunk)
  async function* range(start: number, end: number) {
    const file = await open(path, 'r')
    try {
      const first = Math.floor(start / chunk)
      const last = size === 0 ? 0 : Math.floor(end / chunk)
      for (let batch = first; batch <= last; batch += chunksPerRead) {
        const count = Math.min(chunksPerRead, last - batch + 1)
        const position = headerBytes + batch * sealed
        const length = Math.min(count * sealed, storedBytes - position)
        const bytes = Buffer.allocUnsafe(length)
        const { bytesRead } = await file.read(bytes, 0, length, position)
        // Each chunk is checked before any of the batch is given out; the batch goes as one piece.
        const pieces: Buffer[] = []
        for (let k = 0; k < count; k++) {
          const index = batch + k
          const plain = openChunk(fileKey, index, index === chunks - 1, bytes.subarray(k * sealed, Math.min(bytesRead, (k + 1) * sealed)))
          const offset = index * chunk
          const from = Math.max(start, offset) - offset
          const to = Math.min(end + 1, offset + plain.length) - offset
          if (to > from) pieces.push(plain.subarray(from, to))
        }
        if (pieces.length > 0) yield pieces.length === 1 ? pieces[0] : Buffer.concat(pieces)
      }
    } finally {
      await file.close()
    }
  }
  return { size, stream: (start, end) => Readable.from(range(start, end), { objectMode: false }) }
}

export function sealedCodec(assetKey: Buffer): AssetCodec {
  const headers: HeaderCache = new Map()
  return {
    encrypted: true,
    writer: () => new SealingStream(assetKey),
    seal: (plain) => sealBytes(assetKey, plain),
    unseal: (stored) => openBytes(assetKey, stored),
    open: (path) => openSealed(path, assetKey, headers),
  }
}

export const plainCodec: AssetCodec = {
  encrypted: false,
  writer: () => new Transform({ transform: (chunk, _encoding, done) => done(null, chunk) }),
  seal: (plain) => plain,
  unseal: (stored) => stored,
  async open(path) {
    const { size } = await stat(path)
    return { size, stream: (start, end) => (size === 0 ? Readable.from([]) : createReadStream(path, { start, end })) }
  },
}

export const assetCodecFor = (key: FolderKey): AssetCodec => (key === 'plain' ? plainCodec : sealedCodec(key.assetKey))
