// Asset files on disk, content-addressed the way Sanity names them: an image is
// `image-<sha1>-<w>x<h>-<ext>` and its file `<sha1>-<w>x<h>.<ext>`; a file is `file-<sha1>-<ext>`.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export class AssetStore {
  readonly #folder: string

  constructor(folder: string) {
    this.#folder = folder
    mkdirSync(folder, { recursive: true })
  }

  /** Writes the bytes under their name, atomically (write then rename), unless already there. */
  put(name: string, bytes: Buffer): void {
    const target = join(this.#folder, name)
    if (existsSync(target)) return
    const temporary = `${target}.${process.pid}.tmp`
    writeFileSync(temporary, bytes, { flush: true })
    renameSync(temporary, target)
  }

  get(name: string): Buffer | null {
    if (!/^[a-f0-9]{40}(-\d+x\d+)?\.[a-z0-9]+$/.test(name)) return null
    const file = join(this.#folder, name)
    return existsSync(file) ? readFileSync(file) : null
  }

  remove(name: string): void {
    if (/^[a-f0-9]{40}(-\d+x\d+)?\.[a-z0-9]+$/.test(name)) rmSync(join(this.#folder, name), { force: true })
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
