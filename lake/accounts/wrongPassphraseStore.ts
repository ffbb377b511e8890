// Wrong passphrases per typed user name, in SQLite so that a restart does not lift a lock. Names
// without an account are counted too: a lock must not tell which names exist. A name is kept only
// as a hash, since what someone typed as a user name may be her passphrase.
import { createHash } from 'node:crypto'
import type { SqliteDatabase } from '../atRest/sqliteFile.ts'
import { z } from 'zod'
import { lockoutMs, type WrongPassphrases } from './signInThrottle.ts'

const row = z.object({ count: z.number(), locked_until: z.number().nullable() })
/** Records untouched this long are dropped (a lock has long ended by then). */
const keptMs = 24 * 60 * 60 * 1000
const keyOf = (name: string) => createHash('sha256').update(`wrong-passphrases:${name}`).digest('hex')

export class WrongPassphraseStore {
  readonly #db: SqliteDatabase

  constructor(db: SqliteDatabase) {
    this.#db = db
    db.exec(`CREATE TABLE IF NOT EXISTS wrong_passphrases (
      name TEXT PRIMARY KEY, count INTEGER NOT NULL, locked_until INTEGER, last_at INTEGER NOT NULL)`)
  }

  get(name: string): WrongPassphrases | null {
    const found = this.#db.prepare('SELECT count, locked_until FROM wrong_passphrases WHERE name = ?').get(keyOf(name))
    if (!found) return null
    const parsed = row.parse(found)
    return { count: parsed.count, lockedUntil: parsed.locked_until }
  }

  set(name: string, wrong: WrongPassphrases, nowMs: number): void {
    this.#db.prepare('DELETE FROM wrong_passphrases WHERE last_at < ?').run(nowMs - Math.max(keptMs, lockoutMs))
    this.#db
      .prepare(
        `INSERT INTO wrong_passphrases (name, count, locked_until, last_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET count = excluded.count, locked_until = excluded.locked_until, last_at = excluded.last_at`,
      )
      .run(keyOf(name), wrong.count, wrong.lockedUntil, nowMs)
  }

  /** Forgets the name's wrong passphrases: after a success, or when an administrator unlocks it. */
  clear(name: string): void {
    this.#db.prepare('DELETE FROM wrong_passphrases WHERE name = ?').run(keyOf(name))
  }
}
