// The format of an encrypted asset file. Each file has its own random key, wrapped (AES-256-GCM)
// by the data folder's asset key in the file's header; its bytes follow in chunks of 64 KiB, each
// sealed with AES-256-GCM on its own, its number and whether it is the last in its nonce. So a
// recording is written and read as a stream, never whole in memory; a byte range (an audio
// player seeking) costs only the chunks that hold it; and every chunk is checked before any of its
// bytes are given out, so a changed, swapped or cut-short chunk is an error, never wrong audio.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

export const sealedMagic = Buffer.from('LAKESEAL')
export const sealedVersion = 1
export const chunkBytes = 64 * 1024
const tagBytes = 16
/** magic, version, chunk size, then the wrapped file key: its IV, the key, its tag. */
export const headerBytes = sealedMagic.length + 1 + 4 + 12 + 32 + tagBytes
const fixedHeaderBytes = sealedMagic.length + 1 + 4

export class SealedFileError extends Error {}

export interface SealedHeader {
  fileKey: Buffer
  chunkBytes: number
}

/** A new file key and the header that carries it wrapped. */
export function newHeader(assetKey: Buffer): { header: Buffer; fileKey: Buffer } {
  const fileKey = randomBytes(32)
  const fixed = Buffer.alloc(fixedHeaderBytes)
  sealedMagic.copy(fixed)
  fixed.writeUInt8(sealedVersion, sealedMagic.length)
  fixed.writeUInt32BE(chunkBytes, sealedMagic.length + 1)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', assetKey, iv)
  cipher.setAAD(fixed)
  const wrapped = Buffer.concat([cipher.update(fileKey), cipher.final()])
  return { header: Buffer.concat([fixed, iv, wrapped, cipher.getAuthTag()]), fileKey }
}

/** The file key and chunk size from a header; a SealedFileError for another key or a damaged file. */
export function readHeader(header: Buffer, assetKey: Buffer): SealedHeader {
  if (header.length < headerBytes || !header.subarray(0, sealedMagic.length).equals(sealedMagic))
    throw new SealedFileError('it is not an encrypted asset file (no LAKESEAL header)')
  if (header.readUInt8(sealedMagic.length) !== sealedVersion) throw new SealedFileError('its format version is unknown')
  const size = header.readUInt32BE(sealedMagic.length + 1)
  let offset = fixedHeaderBytes
  const take = (bytes: number) => header.subarray(offset, (offset += bytes))
  const iv = take(12)
  const wrapped = take(32)
  const tag = take(tagBytes)
  const decipher = createDecipheriv('aes-256-gcm', assetKey, iv)
  decipher.setAAD(header.subarray(0, fixedHeaderBytes))
  decipher.setAuthTag(tag)
  try {
    return { fileKey: Buffer.concat([decipher.update(wrapped), decipher.final()]), chunkBytes: size }
  } catch {
    throw new SealedFileError('its key does not open with this data folder’s key')
  }
}

function nonce(index: number, last: boolean): Buffer {
  const bytes = Buffer.alloc(12)
  bytes.writeBigUInt64BE(BigInt(index), 3)
  bytes.writeUInt8(last ? 1 : 0, 11)
  return bytes
}

export function sealChunk(fileKey: Buffer, index: number, last: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', fileKey, nonce(index, last))
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()])
}

export function openChunk(fileKey: Buffer, index: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < tagBytes) throw new SealedFileError(`chunk ${index} is cut short`)
  const decipher = createDecipheriv('aes-256-gcm', fileKey, nonce(index, last))
  decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes))
  try {
    const plain = decipher.update(sealed.subarray(0, sealed.length - tagBytes))
    decipher.final() // checks the tag; GCM gives no bytes here
    return plain
  } catch {
    throw new SealedFileError(`chunk ${index} fails its check (the file was changed or cut short)`)
  }
}

/** How the sealed body of `storedBytes` (after the header) divides: chunks, and the plain size. */
export function sealedLayout(storedBytes: number, chunk: number): { chunks: number; size: number } {
  const body = storedBytes - headerBytes
  if (body < tagBytes) throw new SealedFileError('it is cut short')
  const chunks = Math.ceil(body / (chunk + tagBytes))
  const size = body - chunks * tagBytes
  return { chunks, size }
}

export const sealedChunkBytes = (chunk: number) => chunk + tagBytes

/** Small contents sealed at once (the cache of resized images). */
export function sealBytes(assetKey: Buffer, plain: Buffer): Buffer {
  const { header, fileKey } = newHeader(assetKey)
  const parts = [header]
  const chunks = Math.max(1, Math.ceil(plain.length / chunkBytes))
  for (let i = 0; i < chunks; i++) parts.push(sealChunk(fileKey, i, i === chunks - 1, plain.subarray(i * chunkBytes, (i + 1) * chunkBytes)))
  return Buffer.concat(parts)
}

export function openBytes(assetKey: Buffer, stored: Buffer): Buffer {
  const { fileKey, chunkBytes: chunk } = readHeader(stored, assetKey)
  const { chunks } = sealedLayout(stored.length, chunk)
  const parts: Buffer[] = []
  for (let i = 0; i < chunks; i++) {
    const start = headerBytes + i * sealedChunkBytes(chunk)
    parts.push(openChunk(fileKey, i, i === chunks - 1, stored.subarray(start, start + sealedChunkBytes(chunk))))
  }
  return Buffer.concat(parts)
}
