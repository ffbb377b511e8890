// A transaction's rows: its log entry, the documents it leaves, and which documents it touched. The
// one way a transaction is written, by the store's own connection and by the commit worker's (which
// loads this module: it imports no zod, so that the worker starts quickly).
import type { SqliteDatabase, Statement } from '../atRest/sqliteFile.ts'
import type { DocumentChange } from '../mutations/document.ts'

export interface TransactionRecord {
  id: string
  timestamp: string
  author: string
  mutations: unknown[]
  changes: DocumentChange[]
}

/** What the commit worker is sent, checked there: a group of transactions as the store built them. */
export function isTransactionGroup(value: unknown): value is TransactionRecord[] {
  return Array.isArray(value) && value.every(isTransactionRecord)
}

const isTransactionRecord = (value: unknown): value is TransactionRecord =>
  typeof value === 'object' &&
  value !== null &&
  'id' in value &&
  typeof value.id === 'string' &&
  'timestamp' in value &&
  typeof value.timestamp === 'string' &&
  'author' in value &&
  typeof value.author === 'string' &&
  'mutations' in value &&
  Array.isArray(value.mutations) &&
  'changes' in value &&
  Array.isArray(value.changes) &&
  value.changes.every(isDocumentChange)

const isDocumentChange = (value: unknown): value is DocumentChange =>
  typeof value === 'object' &&
  value !== null &&
  'id' in value &&
  typeof value.id === 'string' &&
  'before' in value &&
  isStoredOrNull(value.before) &&
  'after' in value &&
  isStoredOrNull(value.after)

const isStoredOrNull = (value: unknown) =>
  value === null ||
  (typeof value === 'object' && '_id' in value && typeof value._id === 'string' && '_type' in value && typeof value._type === 'string')

export type TransactionStatements = Record<'upsert' | 'remove' | 'log' | 'index', Statement>

/** Prepared once per connection: better-sqlite3 compiles a statement on each prepare. */
export function transactionStatements(db: SqliteDatabase): TransactionStatements {
  return {
    upsert: db.prepare(
      'INSERT INTO documents (id, type, body) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET type = excluded.type, body = excluded.body',
    ),
    remove: db.prepare('DELETE FROM documents WHERE id = ?'),
    log: db.prepare('INSERT INTO transactions (id, timestamp, author, mutations, changes) VALUES (?, ?, ?, ?, ?)'),
    index: db.prepare('INSERT INTO transaction_documents (document_id, seq) VALUES (?, ?)'),
  }
}

/** Writes the transaction's rows (inside an SQLite transaction the caller holds); its place in the log. */
export function writeTransaction(statements: TransactionStatements, transaction: TransactionRecord): number {
  const { upsert, remove, log, index } = statements
  const { lastInsertRowid } = log.run(
    transaction.id,
    transaction.timestamp,
    transaction.author,
    JSON.stringify(transaction.mutations),
    JSON.stringify(transaction.changes),
  )
  for (const change of transaction.changes) {
    if (change.after) upsert.run(change.id, change.after._type, JSON.stringify(change.after))
    else remove.run(change.id)
    index.run(change.id, lastInsertRowid)
  }
  return Number(lastInsertRowid)
}
