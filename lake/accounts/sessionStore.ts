// Sign-in sessions: a lake token of a staff account, stored hashed (SHA-256) like API tokens, that
// survives a restart, slides with use, and ends after a working day idle, at sign-out, or when the
// account is disabled or its passphrase changed.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { SqliteDatabase } from '../atRest/sqliteFile.ts'
import { z } from 'zod'

/** A session ends after this long without a request: a working day idle. */
export const sessionIdleLimitMs = 9 * 60 * 60 * 1000
/** How often a session's last use is written: at most once a minute, not at every request. */
export const sessionTouchIntervalMs = 60 * 1000
/** Ended and idle sessions are forgotten this long after their last use. */
const keptAfterUseMs = 7 * 24 * 60 * 60 * 1000

export type SessionEnd = 'signed-out' | 'expired' | 'disabled' | 'passphrase-changed'

export type SessionCheck = { kind: 'active'; userId: string; sessionId: string } | { kind: 'expired' } | { kind: 'ended'; why: SessionEnd }

const sessionRow = z.object({
  session_id: z.string(),
  user_id: z.string(),
  last_used_at: z.number(),
  ended_why: z.enum(['signed-out', 'expired', 'disabled', 'passphrase-changed']).nullable(),
})

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

export class SessionStore {
  readonly #db: SqliteDatabase

  constructor(db: SqliteDatabase) {
    this.#db = db
    db.exec(`CREATE TABLE IF NOT EXISTS sessions (
      session_id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, user_id TEXT NOT NULL, created_at TEXT NOT NULL,
      last_used_at INTEGER NOT NULL, ended_at TEXT, ended_why TEXT);
      CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id)`)
  }

  /** Opens a session for an account; its token is returned once and only its hash is kept. */
  open(userId: string, now: Date): { token: string; sessionId: string } {
    this.#db.prepare('DELETE FROM sessions WHERE last_used_at < ?').run(now.getTime() - sessionIdleLimitMs - keptAfterUseMs)
    const token = `lake_session_${randomBytes(32).toString('base64url')}`
    const sessionId = randomUUID().slice(0, 8)
    this.#db
      .prepare('INSERT INTO sessions (session_id, hash, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?, ?)')
      .run(sessionId, hashOf(token), userId, now.toISOString(), now.getTime())
    return { token, sessionId }
  }

  /**
   * The session a token opened, or null when it opened none. `touch` counts the request as use;
   * a check that is not the person's own work (a listener still streaming) passes false.
   */
  check(token: string, now: Date, touch = true): SessionCheck | null {
    const found = this.#db.prepare('SELECT * FROM sessions WHERE hash = ?').get(hashOf(token))
    if (!found) return null
    const row = sessionRow.parse(found)
    if (row.ended_why) return row.ended_why === 'expired' ? { kind: 'expired' } : { kind: 'ended', why: row.ended_why }
    const at = now.getTime()
    if (at - row.last_used_at > sessionIdleLimitMs) {
      this.#end('session_id = ?', row.session_id, now, 'expired')
      return { kind: 'expired' }
    }
    if (touch && at - row.last_used_at >= sessionTouchIntervalMs)
      this.#db.prepare('UPDATE sessions SET last_used_at = ? WHERE session_id = ?').run(at, row.session_id)
    return { kind: 'active', userId: row.user_id, sessionId: row.session_id }
  }

  /** Ends the session of a token (sign-out); its user id, or null when it opened no active session. */
  end(token: string, now: Date): string | null {
    const found = this.#db.prepare('SELECT * FROM sessions WHERE hash = ? AND ended_at IS NULL').get(hashOf(token))
    if (!found) return null
    this.#end('hash = ?', hashOf(token), now, 'signed-out')
    return sessionRow.parse(found).user_id
  }

  /** Ends every active session of an account; the number ended. */
  endAllOf(userId: string, now: Date, why: SessionEnd): number {
    return this.#end('user_id = ?', userId, now, why)
  }

  /** How many sessions of an account are open (not ended, and used within the idle limit). */
  openCount(userId: string, now: Date): number {
    const row = this.#db
      .prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ? AND ended_at IS NULL AND last_used_at >= ?')
      .get(userId, now.getTime() - sessionIdleLimitMs)
    return z.object({ n: z.number() }).parse(row).n
  }

  #end(where: string, value: string, now: Date, why: SessionEnd): number {
    const result = this.#db
      .prepare(`UPDATE sessions SET ended_at = ?, ended_why = ? WHERE ${where} AND ended_at IS NULL`)
      .run(now.toISOString(), why, value)
    return Number(result.changes)
  }
}
