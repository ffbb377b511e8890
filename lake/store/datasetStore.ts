// One dataset's documents and transaction log in SQLite (encrypted at rest, WAL, synchronous=FULL), with
// the documents also held in memory for GROQ. A transaction is written whole in one SQLite
// transaction before it is acknowledged, so an acknowledged write survives kill -9. Writes in process
// commit on this connection; writes over HTTP go through group commit (groupCommit.ts), whose worker
// holds a second connection to the same file.
import type { FolderKey } from '../atRest/dataKey.ts'
import { openSqlite, type SqliteDatabase, type SqliteKey } from '../atRest/sqliteFile.ts'
import { z } from 'zod'
import type { LakeDocument } from '../mutations/document.ts'
import { commitWorker, type CommitChannel } from './commitChannel.ts'
import { mergedWithChanges, sortedById } from './documentsById.ts'
import { GroupCommit } from './groupCommit.ts'
import { latestDocuments, type DocumentsView } from './latestDocuments.ts'
import { transactionStatements, writeTransaction, type TransactionRecord, type TransactionStatements } from './transactionRows.ts'
import { documentChanges, lakeDocument, parseTransaction } from './storedTransaction.ts'
import { TypeIndex } from './typeIndex.ts'

export type { TransactionRecord } from './transactionRows.ts'
export { transactionRecord } from './storedTransaction.ts'

export interface StoreOptions {
  /** How groups reach the commit worker; a test may wrap the worker's to make a commit fail. */
  commitChannel?: (file: string, key: SqliteKey) => CommitChannel
}

const documentRow = z.object({ body: z.string() })

export class DatasetStore {
  readonly #db: SqliteDatabase
  readonly #documents = new Map<string, LakeDocument>()
  #snapshot: LakeDocument[] | null = null
  /**
   * The ids written since the snapshot was last handed out, merged into a new one on the next read: writes
   * one after another cost no pass over every document, and a reader keeps the array it was given.
   */
  #changedSinceSnapshot = new Set<string>()
  /** Built on the first query by type, then kept in step with each write. */
  #types: TypeIndex | null = null
  /** The log's last transaction that the documents in memory include. */
  #lastSeq = 0
  #writes: TransactionStatements | null = null
  /** Asked before every write: prepared once. */
  #transactionKnown: ReturnType<SqliteDatabase['prepare']> | null = null
  readonly #waiting: GroupCommit
  /** The documents as the next transaction is built against them (durable and waiting). */
  readonly latest: DocumentsView

  constructor(file: string, key: FolderKey, options: StoreOptions = {}) {
    this.#waiting = new GroupCommit((options.commitChannel ?? commitWorker)(file, key), (transaction, seq) => {
      this.#lastSeq = seq
      this.#remember(transaction)
    })
    this.latest = latestDocuments(this, this.#waiting)
    this.#db = openSqlite(file, key)
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
    // One read transaction, so that the documents and the last transaction agree.
    this.#db.exec('BEGIN')
    try {
      for (const row of this.#db.prepare('SELECT body FROM documents').all()) {
        const document = lakeDocument.parse(JSON.parse(documentRow.parse(row).body))
        this.#documents.set(document._id, document)
      }
      this.#lastSeq =
        z.object({ seq: z.number().nullable() }).parse(this.#db.prepare('SELECT max(seq) AS seq FROM transactions').get()).seq ?? 0
    } finally {
      this.#db.exec('COMMIT')
    }
  }

  get(id: string): LakeDocument | null {
    return this.#documents.get(id) ?? null
  }

  /** Every document in `_id` order, as one array shared until the next write (GROQ reads it as `*`). */
  all(): LakeDocument[] {
    if (this.#snapshot && this.#changedSinceSnapshot.size > 0)
      this.#snapshot = mergedWithChanges(this.#snapshot, this.#changedSinceSnapshot, (id) => this.#documents.get(id) ?? null)
    this.#changedSinceSnapshot.clear()
    this.#snapshot ??= sortedById(this.#documents.values())
    return this.#snapshot
  }

  /** The documents of one `_type`, in `_id` order (an index: no scan of the others). */
  ofType(type: string): ReadonlyArray<LakeDocument> {
    this.#types ??= new TypeIndex(this.all())
    return this.#types.ofType(type)
  }

  get size(): number {
    return this.#documents.size
  }

  /** Commits on this connection, after every transaction waiting for group commit. */
  commit(transaction: TransactionRecord): void {
    this.settle()
    this.#inTransaction(() => this.#write(transaction))
    this.#remember(transaction)
  }

  /**
   * Commits through group commit: resolves once the transaction is durable, after `durable` ran (in
   * commit order); rejects with a commitFailedError when its group, or one before it, failed.
   */
  commitDurably(transaction: TransactionRecord, durable: () => void): Promise<void> {
    if (this.#waiting.readyOrWarming()) return this.#waiting.commit(transaction, durable)
    // Until the worker is ready, on this connection (nothing waits for group commit then).
    this.commit(transaction)
    durable()
    return Promise.resolve()
  }

  /** Resolves once group commit's worker is ready. */
  warmGroupCommit(): Promise<void> {
    return this.#waiting.warm()
  }

  /** Blocks until no transaction waits for group commit (a failed group's are refused). */
  settle(): void {
    this.#waiting.settle()
  }

  /**
   * Erasure (GDPR art. 17): the documents go, and so does every trace of them in the transaction
   * log; a transaction that touched nothing else is deleted, one that did keeps only the other
   * documents' changes. `record` (the erasure record, which must carry no content) is written in the
   * same SQLite transaction, so there is never an erasure without its record. `secure_delete`
   * overwrites the freed pages and the WAL is truncated, so the text is not left on disk.
   */
  erase(ids: ReadonlyArray<string>, record: TransactionRecord): void {
    this.settle()
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
    this.#types = null
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
    this.#writes ??= transactionStatements(this.#db)
    this.#lastSeq = writeTransaction(this.#writes, transaction)
  }

  /** The committed transaction's documents in memory, where GROQ reads them. */
  #remember(transaction: TransactionRecord): void {
    this.#types?.apply(transaction.changes, (id) => this.#documents.get(id) ?? null)
    for (const change of transaction.changes) {
      if (change.after) this.#documents.set(change.id, change.after)
      else this.#documents.delete(change.id)
    }
    if (this.#snapshot) for (const change of transaction.changes) this.#changedSinceSnapshot.add(change.id)
  }

  /** The documents now, and how far the transaction log goes for them (backups read the log up to there). */
  snapshot(): { documents: LakeDocument[]; lastSeq: number } {
    return { documents: this.all(), lastSeq: this.#lastSeq }
  }

  /** Up to `limit` transactions after `afterSeq`, up to `lastSeq`, oldest first, with their place in the log. */
  transactionsBetween(afterSeq: number, lastSeq: number, limit: number): Array<TransactionRecord & { seq: number }> {
    const rows = this.#db
      .prepare('SELECT seq, id, timestamp, author, mutations, changes FROM transactions WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?')
      .all(afterSeq, lastSeq, limit)
    return rows.map((row) => ({ seq: z.object({ seq: z.number() }).parse(row).seq, ...parseTransaction(row) }))
  }

  /**
   * Loads a backup into an empty dataset as it was: its transaction log and its documents, in one
   * SQLite transaction, so that each document's revision is a transaction of its history again.
   */
  restore(documents: ReadonlyArray<LakeDocument>, transactions: ReadonlyArray<TransactionRecord>): void {
    this.settle()
    if (this.#documents.size > 0 || this.#lastSeq > 0) throw new Error('A backup is restored only into an empty dataset')
    const log = this.#db.prepare('INSERT INTO transactions (id, timestamp, author, mutations, changes) VALUES (?, ?, ?, ?, ?)')
    const index = this.#db.prepare('INSERT INTO transaction_documents (document_id, seq) VALUES (?, ?)')
    const insert = this.#db.prepare('INSERT INTO documents (id, type, body) VALUES (?, ?, ?)')
    this.#inTransaction(() => {
      for (const t of transactions) {
        const { lastInsertRowid } = log.run(t.id, t.timestamp, t.author, JSON.stringify(t.mutations), JSON.stringify(t.changes))
        for (const id of new Set(t.changes.map((change) => change.id))) index.run(id, lastInsertRowid)
        this.#lastSeq = Number(lastInsertRowid)
      }
      for (const document of documents) insert.run(document._id, document._type, JSON.stringify(document))
    })
    for (const document of documents) this.#documents.set(document._id, document)
    this.#snapshot = null
    this.#types = null
  }

  hasTransaction(id: string): boolean {
    if (this.#waiting.isWaiting(id)) return true
    this.#transactionKnown ??= this.#db.prepare('SELECT 1 FROM transactions WHERE id = ?')
    return this.#transactionKnown.get(id) !== undefined
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
      .map(parseTransaction)
  }

  /**
   * The transactions committed after this one, oldest first, at most `limit` of them; null when the
   * transaction is unknown (erased, or never here) or more than `limit` followed it.
   */
  transactionsAfter(transactionId: string, limit: number): TransactionRecord[] | null {
    const from = this.#db.prepare('SELECT seq FROM transactions WHERE id = ?').get(transactionId)
    const seq = from ? z.object({ seq: z.number() }).parse(from).seq : null
    if (seq === null) return null
    // Only up to what the documents in memory include: a group the worker has committed but the main
    // thread not yet taken in is told to listeners live, and would otherwise reach a resumed one twice.
    const rows = this.#db
      .prepare('SELECT id, timestamp, author, mutations, changes FROM transactions WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?')
      .all(seq, this.#lastSeq, limit + 1)
    return rows.length > limit ? null : rows.map(parseTransaction)
  }

  close(): void {
    this.settle()
    this.#waiting.close()
    this.#db.close()
  }
}
