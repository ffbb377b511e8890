// Opens one of the lake's SQLite files with better-sqlite3-multiple-ciphers: encrypted in
// SQLCipher 4's format (AES-256, a random IV and an HMAC-SHA512 per page, the WAL too) when the
// folder has a key, plain when it has none. node:sqlite has no key API; see README, "Encryption
// at rest", for the measurements behind the choice.
import Database from 'better-sqlite3-multiple-ciphers'
import type { DataKey } from './dataKey.ts'

export type SqliteDatabase = Database.Database
export type Statement = Database.Statement
/** What opening a file needs of a folder's key: only the SQLite key (what a commit worker is handed). */
export type SqliteKey = Pick<DataKey, 'sqliteKey'> | 'plain'

/** The cipher settings SQLite3 Multiple Ciphers needs before the key to read SQLCipher 4 files. */
export function useKey(db: SqliteDatabase, key: SqliteKey): void {
  if (key === 'plain') return
  db.pragma("cipher = 'sqlcipher'")
  db.pragma('legacy = 4')
  db.pragma(`key = "${key.sqliteKey}"`)
}

/**
 * The database in `file`, created if missing. A wrong key, or a key for a plain file, fails here
 * ("file is not a database") before anything is written.
 */
export function openSqlite(file: string, key: SqliteKey): SqliteDatabase {
  const db = new Database(file)
  try {
    useKey(db, key)
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    // Sorts and temporary tables stay in memory: a temporary file would hold them unencrypted.
    db.pragma('temp_store = MEMORY')
  } catch (error) {
    db.close()
    throw error
  }
  return db
}
