// Fans committed transactions out to listeners, as Sanity's /data/listen does: one mutation event
// per changed document that the listener's query selects before or after the change, with the
// transition, revisions, and on request the result and mendoza effects.
import { badRequest } from '../errors.ts'
import type { DocumentChange, LakeDocument } from '../mutations/document.ts'
import { evaluateGroqSync, parseGroq, type GroqTree } from '../query/groqJs.ts'
import type { TransactionRecord } from '../store/datasetStore.ts'

export interface ListenOptions {
  query: string
  params: Record<string, unknown>
  includeResult: boolean
  includePreviousRevision: boolean
  includeMutations: boolean
  effectFormat: 'mendoza' | null
  /** Which documents this listener may see at all (the token's read grant). */
  canRead(document: LakeDocument): boolean
}

export type MutationEvent = Record<string, unknown> & { eventId: string; documentId: string; transactionId: string }
type Send = (event: MutationEvent) => void

interface Listener {
  options: ListenOptions
  tree: GroqTree
  send: Send
}

export class ListenerHub {
  readonly #listeners = new Set<Listener>()

  /** Starts a listener; throws a 400 for a query that does not parse. Returns its stop function. */
  subscribe(options: ListenOptions, send: Send): () => void {
    return this.#start(options, send).stop
  }

  #start(options: ListenOptions, send: Send): { listener: Listener; stop: () => void } {
    let tree: GroqTree
    try {
      tree = parseGroq(options.query, { params: options.params })
    } catch (error) {
      throw badRequest(`The listener query does not parse: ${error instanceof Error ? error.message : String(error)}`, 'queryParseError', {
        query: options.query,
        start: 0,
        end: options.query.length,
      })
    }
    const listener = { options, tree, send }
    this.#listeners.add(listener)
    return { listener, stop: () => this.#listeners.delete(listener) }
  }

  get size(): number {
    return this.#listeners.size
  }

  publish(transaction: TransactionRecord): void {
    for (const listener of this.#listeners) {
      for (const event of eventsFor(listener, transaction)) {
        try {
          listener.send(event)
        } catch {
          // A listener whose connection broke is removed by its own stream; the others go on.
        }
      }
    }
  }

  /**
   * Starts a listener that resumes after an event it has seen (`Last-Event-ID`): the events of the
   * transactions it missed are sent first, then it listens as any other. `missed` reads them from the
   * transaction log; null means they can not be told (then the caller says "reset").
   */
  resume(options: ListenOptions, send: Send, missed: () => TransactionRecord[] | null): { stop: () => void; resumed: boolean } {
    // Subscribing and reading the log happen in one turn of the event loop, so no commit falls between.
    const { listener, stop } = this.#start(options, send)
    const transactions = missed()
    if (transactions === null) return { stop, resumed: false }
    for (const transaction of transactions) for (const event of eventsFor(listener, transaction)) send(event)
    return { stop, resumed: true }
  }
}

/** The mutation events of one transaction that a listener's query selects, before or after. */
function eventsFor(listener: Listener, transaction: TransactionRecord): MutationEvent[] {
  const relevant = transaction.changes.flatMap((change) => {
    const before = change.before && matches(listener, change.before)
    const after = change.after && matches(listener, change.after)
    if (!before && !after) return []
    return [{ change, transition: before && after ? 'update' : after ? 'appear' : 'disappear' }]
  })
  return relevant.map(({ change, transition }, index) =>
    mutationEvent(listener.options, transaction, change, transition, index, relevant.length),
  )
}

function matches(listener: Listener, document: LakeDocument): boolean {
  if (!listener.options.canRead(document)) return false
  try {
    const result = evaluateGroqSync(listener.tree, { dataset: [document], params: listener.options.params })
    return Array.isArray(result) ? result.length > 0 : Boolean(result)
  } catch {
    return false
  }
}

function mutationEvent(
  options: ListenOptions,
  transaction: TransactionRecord,
  change: DocumentChange,
  transition: string,
  index: number,
  total: number,
): MutationEvent {
  return {
    eventId: `${transaction.id}#${change.id}`,
    documentId: change.id,
    transactionId: transaction.id,
    transition,
    identity: transaction.author,
    previousRev: change.before?._rev,
    resultRev: transaction.id,
    timestamp: transaction.timestamp,
    visibility: 'query',
    transactionTotalEvents: total,
    transactionCurrentEvent: index + 1,
    // The change as a mutation of this document, whether it came from a mutation or an action.
    ...(options.includeMutations ? { mutations: [change.after ? { createOrReplace: change.after } : { delete: { id: change.id } }] } : {}),
    ...(options.includeResult && change.after ? { result: change.after } : {}),
    ...(options.includePreviousRevision && change.before ? { previous: change.before } : {}),
    // A whole-value mendoza patch (opcode 0 = literal value) is valid and enough for the Studio.
    ...(options.effectFormat === 'mendoza' ? { effects: { apply: [0, change.after], revert: [0, change.before] } } : {}),
  }
}
