// A data folder's key: 32 random bytes, kept in memory only, from which the key of each use is
// derived (HKDF-SHA256), so that SQLite and the asset files never share key bytes, and a short
// name is derived that tells a wrong key at once without revealing anything of the key.
import { hkdfSync, randomBytes } from 'node:crypto'

export const dataKeyBytes = 32

export class DataKey {
  readonly #bytes: Buffer

  constructor(bytes: Uint8Array) {
    if (bytes.length !== dataKeyBytes) throw new Error(`A data key has ${dataKeyBytes} bytes, not ${bytes.length}`)
    this.#bytes = Buffer.from(bytes)
  }

  static random(): DataKey {
    return new DataKey(randomBytes(dataKeyBytes))
  }

  #derive(use: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#bytes, Buffer.alloc(0), `testimony-archive ${use}`, 32))
  }

  /** The raw key of the SQLite files, in SQLCipher's `x'…'` form (no passphrase stretching per open). */
  get sqliteKey(): string {
    return `x'${this.#derive('sqlite').toString('hex')}'`
  }

  /** The key that wraps each asset file's own key. */
  get assetKey(): Buffer {
    return this.#derive('assets')
  }

  /** The key that signs the expiring asset addresses handed to readers (see auth/assetUrlSignatures.ts). */
  get assetUrlKey(): Buffer {
    return this.#derive('asset urls')
  }

  /** A name of the key (stored in the keyring): equal names, equal keys. */
  get id(): string {
    return this.#derive('key id').subarray(0, 16).toString('hex')
  }

  /** The bytes themselves, for the keyring to wrap; nothing else reads them. */
  bytesToWrap(): Buffer {
    return Buffer.from(this.#bytes)
  }
}

/** What a data folder is opened with: its data key, or 'plain' for a folder written unencrypted. */
export type FolderKey = DataKey | 'plain'
