// Group commit: transactions written over HTTP wait in a queue while the commit worker makes the
// group before them durable, then go to it together, so one fsync serves them all. A transaction
// is built and guarded against every earlier one, durable or still waiting (`latest`); readers and
// listeners see it only once it is durable, in commit order. If a group's commit fails, it and every
// transaction queued after it (they were built on it) are refused, and nothing of them is kept.
import { LakeError } from '../errors.ts'
import type { LakeDocument } from '../mutations/document.ts'
import type { CommitChannel, CommitOutcome } from './commitChannel.ts'
import type { TransactionRecord } from './transactionRows.ts'

interface Waiting {
  transaction: TransactionRecord
  /** Runs when the transaction is durable, in commit order, before its writer hears of it. */
  durable: () => void
  resolve: () => void
  reject: (error: LakeError) => void
}

export class GroupCommit {
  readonly #channel: CommitChannel
  readonly #remember: (transaction: TransactionRecord, seq: number) => void
  #queue: Waiting[] = []
  #inFlight: Waiting[] | null = null
  /** Each document as the waiting transactions leave it (null: deleted). */
  #latest = new Map<string, LakeDocument | null>()
  #waitingIds = new Set<string>()

  constructor(channel: CommitChannel, remember: (transaction: TransactionRecord, seq: number) => void) {
    this.#channel = channel
    this.#remember = remember
  }

  /** Whether the worker is ready for groups; if not, it is started (and the caller commits itself meanwhile). */
  readyOrWarming(): boolean {
    if (this.#channel.ready()) return true
    this.#channel.warm().catch(() => {})
    return false
  }

  /** Resolves once the worker is ready (tests wait for it to measure group commit itself). */
  warm(): Promise<void> {
    return this.#channel.warm()
  }

  get idle(): boolean {
    return this.#inFlight === null
  }

  /** The document as the waiting transactions leave it; undefined when none of them touches it. */
  latest(id: string): LakeDocument | null | undefined {
    return this.#latest.get(id)
  }

  /** The ids the waiting transactions touch. */
  get changedIds(): ReadonlySet<string> {
    return new Set(this.#latest.keys())
  }

  isWaiting(transactionId: string): boolean {
    return this.#waitingIds.has(transactionId)
  }

  /** Resolves once the transaction is durable; rejects if its group (or one before it) failed. */
  commit(transaction: TransactionRecord, durable: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ transaction, durable, resolve, reject })
      this.#waitingIds.add(transaction.id)
      for (const change of transaction.changes) this.#latest.set(change.id, change.after)
      if (!this.#inFlight) this.#sendNext()
    })
  }

  /** Blocks until nothing waits: before a write in process, an erasure, a restore, closing. */
  settle(): void {
    while (this.#inFlight) this.#finish(this.#channel.waitSync())
  }

  close(): void {
    this.settle()
    this.#channel.close()
  }

  #sendNext(): void {
    const group = this.#queue
    this.#queue = []
    if (group.length === 0) {
      this.#inFlight = null
      this.#channel.idle()
      return
    }
    this.#inFlight = group
    this.#channel.send(group.map((waiting) => waiting.transaction))
    void this.#watch(group)
  }

  async #watch(group: Waiting[]): Promise<void> {
    while (this.#inFlight === group) {
      const outcome = this.#channel.poll()
      // The group may have been settled by a blocking wait meanwhile.
      if (outcome) this.#finish(outcome)
      else await this.#channel.wait()
    }
  }

  #finish(outcome: CommitOutcome): void {
    const group = this.#inFlight ?? []
    if (!outcome.ok) return this.#refuse(group, outcome.reason)
    group.forEach((waiting, i) => {
      this.#remember(waiting.transaction, outcome.seqs[i] ?? 0)
      this.#waitingIds.delete(waiting.transaction.id)
      waiting.durable()
      waiting.resolve()
    })
    this.#latest = new Map(this.#queue.flatMap((waiting) => waiting.transaction.changes.map((change) => [change.id, change.after])))
    this.#sendNext()
  }

  #refuse(group: Waiting[], reason: string): void {
    const refused = [...group, ...this.#queue]
    this.#queue = []
    this.#inFlight = null
    this.#latest.clear()
    this.#waitingIds.clear()
    this.#channel.idle()
    const error = new LakeError(
      503,
      'commitFailedError',
      `The transaction was not stored: the commit of its group failed (${reason}), and nothing of it was kept; check the lake's disk, then send it again`,
    )
    for (const waiting of refused) waiting.reject(error)
  }
}
