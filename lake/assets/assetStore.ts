// Asset files on disk, content-addressed the way Sanity names them: an image is
// `image-<sha1>-<w>x<h>-<ext>` and its file `<sha1>-<w>x<h>.<ext>`; a file is `file-<sha1>-<ext>`.
// In an encrypted data folder each file is sealed (lake/atRest/sealedFile.ts); uploads are
// streamed in and out, so a long recording is never held in memory whole.
import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { AssetCodec, StoredAsset } from '../atRest/assetCodec.ts'

const storedName = /^[a-f0-9]{40}(-\d+x\d+)?\.[a-z0-9]+$/

export interface ReceivedAsset {
  sha1: string
  size: number
  /** Puts the received bytes under their name (unless a file has it already). */
  keep(name: string): void
  discard(): void
}

export class AssetStore {
  readonly #folder: string
  readonly codec: AssetCodec

  constructor(folder: string, codec: AssetCodec) {
    this.#folder = folder
    this.codec = codec
    mkdirSync(folder, { recursive: true })
  }

  /** Writes the bytes under their name, atomically (write then rename), unless already there. */
  put(name: string, bytes: Buffer): void {
    const target = join(this.#folder, name)
    if (existsSync(target)) return
    const temporary = `${target}.${process.pid}.tmp`
    writeFileSync(temporary, this.codec.seal(bytes), { flush: true })
    renameSync(temporary, target)
  }

  /**
   * Streams an upload to a temporary file, counting and hashing it on the way; throws `tooLarge()`
   * (and keeps nothing) past `maxBytes`. The caller names it once the SHA-1 is known.
   */
  async receive(source: AsyncIterable<Uint8Array>, maxBytes: number, tooLarge: () => Error): Promise<ReceivedAsset> {
    const temporary = join(this.#folder, `.upload-${randomUUID()}.tmp`)
    const hash = createHash('sha1')
    let size = 0
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length
        if (size > maxBytes) return done(tooLarge())
        hash.update(chunk)
        done(null, chunk)
      },
    })
    try {
      await pipeline(source, counter, this.codec.writer(), createWriteStream(temporary, { flush: true }))
    } catch (error) {
      rmSync(temporary, { force: true })
      throw error
    }
    return {
      sha1: hash.digest('hex'),
      size,
      keep: (name) => {
        const target = join(this.#folder, name)
        if (!storedName.test(name) || existsSync(target)) rmSync(temporary, { force: true })
        else renameSync(temporary, target)
      },
      discard: () => rmSync(temporary, { force: true }),
    }
  }

  get(name: string): Buffer | null {
    if (!storedName.test(name)) return null
    const file = join(this.#folder, name)
    return existsSync(file) ? this.codec.unseal(readFileSync(file)) : null
  }

  /** The asset's size and a reader of any byte range, or null when there is no such file. */
  async open(name: string): Promise<StoredAsset | null> {
    if (!storedName.test(name)) return null
    const file = join(this.#folder, name)
    return existsSync(file) ? this.codec.open(file) : null
  }

  remove(name: string): void {
    if (storedName.test(name)) rmSync(join(this.#folder, name), { force: true })
  }

  /** Resized images, kept by a hash of their request, type and bytes in one file (sealed like the originals). */
  cached(key: string): { bytes: Buffer; mimeType: string } | null {
    const file = join(this.#folder, 'transformed', `${key}.cached`)
    if (!/^[a-f0-9]{40}$/.test(key) || !existsSync(file)) return null
    const plain = this.codec.unseal(readFileSync(file))
    const newline = plain.indexOf(10)
    return { mimeType: plain.subarray(0, newline).toString('utf8'), bytes: plain.subarray(newline + 1) }
  }

  cache(key: string, value: { bytes: Buffer; mimeType: string }): void {
    if (!/^[a-f0-9]{40}$/.test(key)) return
    mkdirSync(join(this.#folder, 'transformed'), { recursive: true })
    const temporary = join(this.#folder, 'transformed', `${key}.${process.pid}.tmp`)
    writeFileSync(temporary, this.codec.seal(Buffer.concat([Buffer.from(`${value.mimeType}\n`), value.bytes])))
    renameSync(temporary, join(this.#folder, 'transformed', `${key}.cached`))
  }

  /** Derived images are cached by a hash of their request; an erasure clears them all. */
  clearTransformed(): void {
    rmSync(join(this.#folder, 'transformed'), { recursive: true, force: true })
  }

  folder(): string {
    return this.#folder
  }
}

export const sha1Of = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex')
