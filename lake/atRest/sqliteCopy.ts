// An encrypted copy of a plain SQLite file, made through one connection that holds the plain file
// exclusively (a lake still using it fails here): the copy is attached with the key (SQLite3
// Multiple Ciphers: SQLCipher 4 format), and every table, row, index and AUTOINCREMENT counter is
// copied in one transaction; then the copy is attached afresh and compared with the original,
// table by table, row by row.
import Database from 'better-sqlite3-multiple-ciphers'
import { z } from 'zod'
import type { DataKey } from './dataKey.ts'
import type { SqliteDatabase } from './sqliteFile.ts'

const schemaRow = z.object({ type: z.string(), name: z.string(), sql: z.string() })
const countRow = z.object({ n: z.number() })
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

function holdExclusively(plainFile: string): SqliteDatabase {
  const db = new Database(plainFile, { timeout: 0 })
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE; COMMIT')
    db.pragma('wal_checkpoint(TRUNCATE)')
  } catch (error) {
    db.close()
    throw new Error(
      `${plainFile} is in use (${error instanceof Error ? error.message : String(error)}); stop the lake and \`npm start\` first`,
    )
  }
  return db
}

function attachCopy(db: SqliteDatabase, targetFile: string, key: DataKey): void {
  db.pragma("cipher = 'sqlcipher'")
  db.pragma('legacy = 4')
  db.prepare('ATTACH DATABASE ? AS copy KEY ?').run(targetFile, key.sqliteKey)
}

/** The plain schema's objects, their CREATE statements aimed at the copy. */
function objectsOf(db: SqliteDatabase) {
  return db
    .prepare("SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    .all()
    .map((row) => {
      const object = schemaRow.parse(row)
      const sql = object.sql.replace(/^(\s*CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?)/i, '$1copy.')
      if (sql === object.sql) throw new Error(`Can not copy the ${object.type} ${object.name}: its statement is not a plain CREATE`)
      return { ...object, sql }
    })
}

const hasSequence = (db: SqliteDatabase, schema: string) =>
  db.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE name = 'sqlite_sequence'`).get() !== undefined

export function copyEncrypted(plainFile: string, targetFile: string, key: DataKey): void {
  const db = holdExclusively(plainFile)
  try {
    attachCopy(db, targetFile, key)
    const objects = objectsOf(db)
    const userVersion = z.number().parse(db.pragma('main.user_version', { simple: true }))
    db.exec('BEGIN')
    for (const table of objects.filter((o) => o.type === 'table')) {
      db.exec(table.sql)
      db.exec(`INSERT INTO copy.${quoted(table.name)} SELECT * FROM main.${quoted(table.name)}`)
    }
    if (hasSequence(db, 'main'))
      db.exec('DELETE FROM copy.sqlite_sequence; INSERT INTO copy.sqlite_sequence SELECT * FROM main.sqlite_sequence')
    for (const other of objects.filter((o) => o.type !== 'table')) db.exec(other.sql)
    db.exec('COMMIT')
    db.pragma(`copy.user_version = ${userVersion}`)
    db.pragma('copy.journal_mode = WAL')
    db.exec('DETACH DATABASE copy')
    // Read back from the file, through a new attachment.
    attachCopy(db, targetFile, key)
    const tables = objects.filter((o) => o.type === 'table').map((o) => o.name)
    for (const table of [...tables, ...(hasSequence(db, 'main') ? ['sqlite_sequence'] : [])]) {
      const name = quoted(table)
      const count = (schema: string) => countRow.parse(db.prepare(`SELECT count(*) AS n FROM ${schema}.${name}`).get()).n
      const missing = countRow.parse(
        db.prepare(`SELECT count(*) AS n FROM (SELECT * FROM main.${name} EXCEPT SELECT * FROM copy.${name})`).get(),
      ).n
      if (count('main') !== count('copy') || missing !== 0)
        throw new Error(`The encrypted copy of ${plainFile} differs from it in table ${table}; nothing was replaced`)
    }
    db.exec('DETACH DATABASE copy')
  } finally {
    db.close()
  }
}
