// One dataset's documents and transaction log in SQLite (node:sqlite, WAL, synchronous=FULL), with
// the documents also held in memory for GROQ. A transaction is written whole in one SQLite
// transaction before it is acknowledged, so an acknowledged write survives kill -9.
import { DatabaseSync } from 'node:sqlite'
import { z } from 'zod'
import type { DocumentChange, LakeDocument } from '../mutations/document.ts'
import { sortedById, withChanges } from './documentsById.ts'

export interface TransactionRecord {
  id: string
  timestamp: string
  author: string
  mutations: unknown[]
  changes: DocumentChange[]
}

const documentRow = z.object({ body: z.string() })
const lakeDocument = z.looseObject({ _id: z.string(), _type: z.string() })
const documentChanges = z.array(z.object({ id: z.string(), before: lakeDocument.nullable(), after: lakeDocument.nullable() }))
const transactionRow = z.object({ id: z.string(), timestamp: z.string(), author: z.string(), mutations: z.string(), changes: z.string() })

export class DatasetStore {
  readonly #db: DatabaseSync
  readonly #documents = new Map<string, LakeDocument>()
  #snapshot: LakeDocument[] | null = null

  constructor(file: string) {
    this.#db = new DatabaseSync(file)
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA busy_timeout = 5000;
      PRAGMA secure_delete = ON;
      CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, type TEXT NOT NULL, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS transactions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, timestamp TEXT NOT NULL,
        author TEXT NOT NULL, mutations TEXT NOT NULL, changes TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS transaction_documents (document_id TEXT NOT NULL, seq INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS transaction_documents_by_id ON transaction_documents (document_id, seq);
    `)
    for (const row of this.#db.prepare('SELECT body FROM documents').all()) {
      const document = lakeDocument.parse(JSON.parse(documentRow.parse(row).body))
      this.#documents.set(document._id, document)
    }
  }

  get(id: string): LakeDocument | null {
    return this.#documents.get(id) ?? null
  }

  /** Every document in `_id` order, as one array shared until the next write (GROQ reads it as `*`). */
  all(): LakeDocument[] {
    this.#snapshot ??= sortedById(this.#documents.values())
    return this.#snapshot
  }

  get size(): number {
    return this.#documents.size
  }

  commit(transaction: TransactionRecord): void {
    this.#inTransaction(() => this.#write(transaction))
    this.#remember(transaction)
  }

  /**
   * Erasure (GDPR art. 17): the documents go, and so does every trace of them in the transaction
   * log; a transaction that touched nothing else is deleted, one that did keeps only the other
   * documents' changes. `record` (the erasure record, which must carry no content) is written in the
   * same SQLite transaction, so there is never an erasure without its record. `secure_delete`
   * overwrites the freed pages and the WAL is truncated, so the text is not left on disk.
   */
  erase(ids: ReadonlyArray<string>, record: TransactionRecord): void {
    const erased = new Set(ids)
    const touched = this.#db.prepare('SELECT DISTINCT seq FROM transaction_documents WHERE document_id = ?')
    const read = this.#db.prepare('SELECT changes FROM transactions WHERE seq = ?')
    const rewrite = this.#db.prepare("UPDATE transactions SET changes = ?, mutations = '[]' WHERE seq = ?")
    const drop = this.#db.prepare('DELETE FROM transactions WHERE seq = ?')
    const unindex = this.#db.prepare('DELETE FROM transaction_documents WHERE document_id = ?')
    const dropIndex = this.#db.prepare('DELETE FROM transaction_documents WHERE seq = ?')
    const remove = this.#db.prepare('DELETE FROM documents WHERE id = ?')
    this.#inTransaction(() => {
      const seqs = new Set(ids.flatMap((id) => touched.all(id).map((row) => z.object({ seq: z.number() }).parse(row).seq)))
      for (const seq of seqs) {
        const changes = documentChanges.parse(JSON.parse(z.object({ changes: z.string() }).parse(read.get(seq)).changes))
        const kept = changes.filter((change) => !erased.has(change.id))
        if (kept.length === 0) {
          drop.run(seq)
          dropIndex.run(seq)
        } else rewrite.run(JSON.stringify(kept), seq)
      }
      for (const id of ids) {
        unindex.run(id)
        remove.run(id)
      }
      this.#write(record)
    })
    for (const id of ids) this.#documents.delete(id)
    this.#snapshot = null
    this.#remember(record)
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  }

  #inTransaction(work: () => void): void {
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      work()
      this.#db.exec('COMMIT')
    } catch (error) {
      this.#db.exec('ROLLBACK')
      throw error
    }
  }

  /** The transaction's rows; only inside `#inTransaction`. */
  #write(transaction: TransactionRecord): void {
    const upsert = this.#db.prepare(
      'INSERT INTO documents (id, type, body) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET type = excluded.type, body = excluded.body',
    )
    const remove = this.#db.prepare('DELETE FROM documents WHERE id = ?')
    const log = this.#db.prepare('INSERT INTO transactions (id, timestamp, author, mutations, changes) VALUES (?, ?, ?, ?, ?)')
    const index = this.#db.prepare('INSERT INTO transaction_documents (document_id, seq) VALUES (?, ?)')
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
  }

  /** The committed transaction's documents in memory, where GROQ reads them. */
  #remember(transaction: TransactionRecord): void {
    for (const change of transaction.changes) {
      if (change.after) this.#documents.set(change.id, change.after)
      else this.#documents.delete(change.id)
    }
    if (this.#snapshot) this.#snapshot = withChanges(this.#snapshot, transaction.changes)
  }

  hasTransaction(id: string): boolean {
    return this.#db.prepare('SELECT 1 FROM transactions WHERE id = ?').get(id) !== undefined
  }

  /**
   * Every version (before and after) of every document changed by a transaction whose changes mention
   * `text`: what an erasure looks through, so that no version of hers is left in the log.
   */
  versionsMentioning(text: string): LakeDocument[] {
    const rows = this.#db.prepare('SELECT changes FROM transactions WHERE instr(changes, ?) > 0').all(text)
    return rows.flatMap((row) =>
      documentChanges
        .parse(JSON.parse(z.object({ changes: z.string() }).parse(row).changes))
        .flatMap((change) => [change.before, change.after].filter((document) => document !== null)),
    )
  }

  /** The transactions that touched a document, oldest first. */
  transactionsOf(documentId: string): TransactionRecord[] {
    return this.#db
      .prepare(
        'SELECT t.id, t.timestamp, t.author, t.mutations, t.changes FROM transactions t JOIN transaction_documents d ON d.seq = t.seq WHERE d.document_id = ? ORDER BY t.seq',
      )
      .all(documentId)
      .map(transactionRecordOf)
  }

  /**
   * The transactions committed after this one, oldest first, at most `limit` of them; null when the
   * transaction is unknown (erased, or never here) or more than `limit` followed it.
   */
  transactionsAfter(transactionId: string, limit: number): TransactionRecord[] | null {
    const from = this.#db.prepare('SELECT seq FROM transactions WHERE id = ?').get(transactionId)
    const seq = from ? z.object({ seq: z.number() }).parse(from).seq : null
    if (seq === null) return null
    const rows = this.#db
      .prepare('SELECT id, timestamp, author, mutations, changes FROM transactions WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(seq, limit + 1)
    return rows.length > limit ? null : rows.map(transactionRecordOf)
  }

  close(): void {
    this.#db.close()
  }
}

function transactionRecordOf(row: unknown): TransactionRecord {
  const parsed = transactionRow.parse(row)
  return {
    ...parsed,
    mutations: z.array(z.unknown()).parse(JSON.parse(parsed.mutations)),
    changes: documentChanges.parse(JSON.parse(parsed.changes)),
  }
}
