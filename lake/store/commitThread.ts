// The commit worker's thread: it holds its own connection to one dataset's SQLite file (the same
// encrypted file, opened with the same SQLite key, synchronous=FULL) and writes each group of
// transactions it is sent in one SQLite transaction, so one fsync makes the whole group durable.
// The main thread meanwhile goes on reading requests, whose writes gather into the next group.
// Each group is answered on the port, then the shared signal wakes the main thread.
// It loads no zod (a second or so of start-up on a busy machine): its messages are checked by hand.
import { MessagePort, parentPort, workerData } from 'node:worker_threads'
import { openSqlite, type SqliteKey } from '../atRest/sqliteFile.ts'
import type { CommitOutcome } from './commitChannel.ts'
import { isTransactionGroup, transactionStatements, writeTransaction } from './transactionRows.ts'

function started(data: unknown): { file: string; key: SqliteKey; port: MessagePort; signal: Int32Array } {
  if (typeof data !== 'object' || data === null || !('file' in data) || !('key' in data) || !('port' in data) || !('signal' in data))
    throw new Error('The commit worker was started without its file, key, port and signal')
  const { file, port, signal } = data
  const key = sqliteKeyOf(data.key)
  if (typeof file !== 'string' || !key || !(port instanceof MessagePort) || !(signal instanceof Int32Array))
    throw new Error('The commit worker was started with a wrong file, key, port or signal')
  return { file, key, port, signal }
}

function sqliteKeyOf(key: unknown): SqliteKey | null {
  if (key === 'plain') return key
  return typeof key === 'object' && key !== null && 'sqliteKey' in key && typeof key.sqliteKey === 'string'
    ? { sqliteKey: key.sqliteKey }
    : null
}

const { file, key, port, signal } = started(workerData)
const db = openSqlite(file, key)
// Per connection: the same durability and erasure settings as the store's own connection.
db.exec('PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;')
const statements = transactionStatements(db)

const answer = (outcome: CommitOutcome | { closed: true }) => {
  port.postMessage(outcome)
  Atomics.add(signal, 0, 1)
  Atomics.notify(signal, 0)
  parentPort?.postMessage('answered')
}

parentPort?.postMessage('ready')

port.on('message', (raw: unknown) => {
  if (typeof raw === 'object' && raw !== null && 'close' in raw) {
    db.close()
    answer({ closed: true })
    port.close()
    return
  }
  const group = typeof raw === 'object' && raw !== null && 'group' in raw ? raw.group : null
  if (!isTransactionGroup(group))
    return answer({ ok: false, reason: 'the commit worker was sent something that is not a group of transactions' })
  try {
    db.exec('BEGIN IMMEDIATE')
    try {
      const seqs = group.map((transaction) => writeTransaction(statements, transaction))
      db.exec('COMMIT')
      answer({ ok: true, seqs })
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw error
    }
  } catch (error) {
    // SQLite's message names the failure (a full disk, an I/O error, a constraint), never a value.
    answer({ ok: false, reason: error instanceof Error ? error.message : String(error) })
  }
})
