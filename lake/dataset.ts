// One dataset: its store, the mutations applied to it, its listeners. Every write goes through
// `transact` (in process: commits at once) or `transactDurably` (over HTTP: group commit), which
// build the changes against every earlier transaction, commit them whole, then tell the listeners.
import { randomUUID } from 'node:crypto'
import { forgetHashedTexts } from '../core/index.ts'
import { storedFileName } from './assets/assetDocuments.ts'
import type { AssetStore } from './assets/assetStore.ts'
import { indexAssetUsers } from './assets/assetUsers.ts'
import { badRequest, conflict } from './errors.ts'
import { ListenerHub } from './listen/listenerHub.ts'
import { applyActions, parseActions } from './actions/applyActions.ts'
import { applyMutations, parseMutations, type MutationContext } from './mutations/applyMutations.ts'
import { followedBy } from './mutations/changeSet.ts'
import { invalidDocumentReason, shown, type DocumentChange, type LakeDocument } from './mutations/document.ts'
import { missingPublicStories, publicStoryChanges } from './publicStories.ts'
import type { DocumentIndex } from './query/candidates.ts'
import { selectIds } from './query/runQuery.ts'
import type { DatasetStore, TransactionRecord } from './store/datasetStore.ts'

export interface Clock {
  now(): Date
}

export interface WriteOptions {
  author: string
  transactionId?: string
  /** Changes that follow from the transaction's own, made in the same transaction (e.g. a withdrawal unpublishes). */
  consequences?: (changes: DocumentChange[], context: MutationContext, stored: DocumentIndex) => DocumentChange[]
  /** Checks run on the changes before they are committed, against the documents as the transactions before leave them; throwing refuses the whole transaction. */
  guard?: (changes: DocumentChange[], stored: DocumentIndex) => void
  /** Documents restored as they were (an import): a public story brought in is taken as the one stored before. */
  restoring?: boolean
}

export interface TransactionResult {
  transactionId: string
  changes: DocumentChange[]
}

export class Dataset {
  readonly name: string
  readonly store: DatasetStore
  readonly assets: AssetStore
  readonly listeners = new ListenerHub()
  readonly #clock: Clock
  #assetUsers: { documents: LakeDocument[]; users: Map<string, LakeDocument[]> } | null = null

  constructor(name: string, store: DatasetStore, assets: AssetStore, clock: Clock) {
    this.name = name
    this.store = store
    this.assets = assets
    this.#clock = clock
  }

  get(id: string): LakeDocument | null {
    return this.store.get(id)
  }

  documents(): LakeDocument[] {
    return this.store.all()
  }

  /** The documents using an asset, from an index rebuilt only after a write. */
  assetUsers(assetId: string): LakeDocument[] {
    const documents = this.store.all()
    if (this.#assetUsers?.documents !== documents) this.#assetUsers = { documents, users: indexAssetUsers(documents) }
    return this.#assetUsers.users.get(assetId) ?? []
  }

  /** Applies raw mutations (as a client sent them) in one transaction. */
  mutate(rawMutations: ReadonlyArray<unknown>, options: WriteOptions): TransactionResult {
    const mutations = parseMutations(rawMutations)
    return this.transact(mutations, options, (context) => applyMutations(mutations, context))
  }

  /** The same, answered once durable through group commit (the HTTP API's writes). */
  mutateDurably(rawMutations: ReadonlyArray<unknown>, options: WriteOptions): Promise<TransactionResult> {
    const mutations = parseMutations(rawMutations)
    return this.transactDurably(mutations, options, (context) => applyMutations(mutations, context))
  }

  /** Applies Studio document actions (the Actions API) in one transaction. */
  act(rawActions: ReadonlyArray<unknown>, options: WriteOptions): TransactionResult {
    const actions = parseActions(rawActions)
    return this.transact(actions, options, (context) => applyActions(actions, context))
  }

  /** The same, answered once durable through group commit. */
  actDurably(rawActions: ReadonlyArray<unknown>, options: WriteOptions): Promise<TransactionResult> {
    const actions = parseActions(rawActions)
    return this.transactDurably(actions, options, (context) => applyActions(actions, context))
  }

  /** The write path in process: after every waiting transaction, build, commit at once, publish. */
  transact(mutations: unknown[], options: WriteOptions, build: (context: MutationContext) => DocumentChange[]): TransactionResult {
    this.store.settle()
    const transaction = this.#built(mutations, options, build)
    this.store.commit(transaction)
    this.listeners.publish(transaction)
    return { transactionId: transaction.id, changes: transaction.changes }
  }

  /**
   * The write path over HTTP: built and guarded against every earlier transaction (durable or
   * waiting), answered once its group is durable; listeners hear of it then, in commit order.
   */
  async transactDurably(
    mutations: unknown[],
    options: WriteOptions,
    build: (context: MutationContext) => DocumentChange[],
  ): Promise<TransactionResult> {
    const transaction = this.#built(mutations, options, build)
    await this.store.commitDurably(transaction, () => this.listeners.publish(transaction))
    return { transactionId: transaction.id, changes: transaction.changes }
  }

  /** The transaction's changes against the latest documents, each checked; throws to refuse it alone. */
  #built(mutations: unknown[], options: WriteOptions, build: (context: MutationContext) => DocumentChange[]): TransactionRecord {
    const latest = this.store.latest
    const transactionId = options.transactionId ?? randomUUID()
    // Only an id the client chose can be one already used (a random UUID is new; the log's UNIQUE
    // constraint stands behind it). Looking it up reads SQLite, whose cache each group commit empties.
    if (options.transactionId !== undefined && this.store.hasTransaction(transactionId))
      throw conflict(`Transaction "${transactionId}" was already committed; send each transaction once, with a new id`)
    const timestamp = this.#clock.now().toISOString()
    const context: MutationContext = {
      transactionId,
      timestamp,
      read: (id) => latest.get(id),
      select: (query, params) => selectIds(query, params, () => latest.all(), latest),
      newId: () => randomUUID(),
    }
    const own = build(context)
    const written = followedBy(own, options.consequences?.(own, context, latest) ?? [])
    // The public stories of the testimonies touched, in step in the same transaction, on every write path.
    const stories = publicStoryChanges(written, { ...context, restoring: options.restoring === true }, () => latest.all())
    const changes = followedBy(written, stories).filter((change) => change.before !== null || change.after !== null)
    for (const change of changes) {
      const reason = change.after && invalidDocumentReason(change.id, change.after)
      if (reason) throw badRequest(`The transaction would store document ${shown(change.id)}, but ${reason}`, 'invalidDocumentError')
    }
    options.guard?.(changes, latest)
    return { id: transactionId, timestamp, author: options.author, mutations, changes }
  }

  /**
   * Deletes documents with their history and the files of the assets among them, and stores
   * `record` (which must carry no content) in the same transaction. The files go first: if the
   * lake stops half-way, what is left is a testimony still listed, to erase again, never private
   * bytes whose documents are gone. Listeners learn only the ids and types of what went.
   */
  erase(ids: ReadonlyArray<string>, record: LakeDocument, author: string): void {
    this.store.settle()
    const gone = ids.flatMap((id) => {
      const document = this.store.get(id)
      // The revision lets an open editor apply the deletion to the revision it holds.
      return document ? [{ id, before: { _id: id, _type: document._type, _rev: document._rev }, after: null }] : []
    })
    const timestamp = record._createdAt ?? this.#clock.now().toISOString()
    const transaction = {
      id: record._rev ?? randomUUID(),
      timestamp,
      author,
      mutations: [],
      changes: [{ id: record._id, before: null, after: record }],
    }
    const files = ids.flatMap((id) => storedFileName(id) ?? [])
    for (const file of files) this.assets.remove(file)
    if (files.length > 0) this.assets.clearTransformed()
    this.store.erase(ids, transaction)
    // Nothing of the erased documents stays in memory either.
    this.#assetUsers = null
    forgetHashedTexts()
    this.listeners.publish({ ...transaction, changes: [...gone, ...transaction.changes] })
  }

  /** Writes the public stories that data written before there were public stories lacks; true if it wrote. */
  addMissingPublicStories(author: string): boolean {
    const context = { transactionId: randomUUID(), timestamp: this.#clock.now().toISOString(), read: (id: string) => this.store.get(id) }
    const changes = missingPublicStories(this.store.all(), context)
    if (changes.length === 0) return false
    this.transact([], { author, transactionId: context.transactionId }, () => changes)
    return true
  }

  /** A backup loaded into this empty dataset as it was (see lake/backup/archiveImport.ts). */
  restore(documents: ReadonlyArray<LakeDocument>, transactions: ReadonlyArray<TransactionRecord>): void {
    for (const document of documents) {
      const reason = invalidDocumentReason(document._id, document)
      if (reason) throw badRequest(`The backup holds document ${shown(document._id)}, but ${reason}`, 'invalidImportError')
    }
    this.store.restore(documents, transactions)
  }

  close(): void {
    this.store.close()
  }
}
