// What each signed-in person keeps with her account (Sanity's per-user key-value store, which the
// Studio uses for her language and its own preferences), in SQLite beside the tokens.
import type { FolderKey } from '../atRest/dataKey.ts'
import { openSqlite, type SqliteDatabase } from '../atRest/sqliteFile.ts'
import { z } from 'zod'
import { badRequest } from '../errors.ts'

export const maxSettingKeyLength = 200
export const maxSettingValueBytes = 16 * 1024

const settingRow = z.object({ key: z.string(), value: z.string() })
export const settingPairs = z.array(z.object({ key: z.string().min(1).max(maxSettingKeyLength), value: z.unknown() }))

export class UserSettings {
  readonly #db: SqliteDatabase

  constructor(file: string, key: FolderKey) {
    this.#db = openSqlite(file, key)
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      CREATE TABLE IF NOT EXISTS settings (
        user_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (user_id, key));
    `)
  }

  /** Her values for these keys, null where she has none, in the order asked. */
  get(userId: string, keys: ReadonlyArray<string>): Array<{ key: string; value: unknown }> {
    const select = this.#db.prepare('SELECT key, value FROM settings WHERE user_id = ? AND key = ?')
    return keys.map((key) => {
      const row = select.get(userId, key)
      const value: unknown = row ? JSON.parse(settingRow.parse(row).value) : null
      return { key, value }
    })
  }

  /** Stores her values (null removes one) and answers them as stored. */
  put(userId: string, pairs: ReadonlyArray<{ key: string; value: unknown }>): Array<{ key: string; value: unknown }> {
    for (const pair of pairs) {
      const text = JSON.stringify(pair.value ?? null)
      if (Buffer.byteLength(text) > maxSettingValueBytes)
        throw badRequest(`The value of "${pair.key}" is larger than ${maxSettingValueBytes} bytes; keep settings small`)
    }
    this.#db.exec('BEGIN')
    try {
      for (const pair of pairs) {
        if (pair.value === null || pair.value === undefined)
          this.#db.prepare('DELETE FROM settings WHERE user_id = ? AND key = ?').run(userId, pair.key)
        else
          this.#db
            .prepare(
              'INSERT INTO settings (user_id, key, value) VALUES (?, ?, ?) ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value',
            )
            .run(userId, pair.key, JSON.stringify(pair.value))
      }
      this.#db.exec('COMMIT')
    } catch (error) {
      this.#db.exec('ROLLBACK')
      throw error
    }
    return pairs.map((pair) => ({ key: pair.key, value: pair.value ?? null }))
  }

  close(): void {
    this.#db.close()
  }
}
