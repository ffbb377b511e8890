// The way to the commit worker (commitThread.ts): a group of transactions is sent, and its outcome
// is read once the worker says it is durable (or failed). The main thread may wait for it without
// blocking (a write over HTTP) or blocking (a write in process, an erasure, closing). The worker is
// started by the first write over HTTP, which (like those until the worker is ready, a second or so
// on a busy machine) commits on the store's own connection: a lake written only in process never
// starts one, and no writer waits for it to start.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import { z } from 'zod'
import type { SqliteKey } from '../atRest/sqliteFile.ts'
import type { TransactionRecord } from './transactionRows.ts'

/** A group's outcome: each transaction's place in the log, or why none of them was stored. */
export type CommitOutcome = { ok: true; seqs: number[] } | { ok: false; reason: string }

const commitOutcome = z.union([
  z.object({ ok: z.literal(true), seqs: z.array(z.number()) }),
  z.object({ ok: z.literal(false), reason: z.string() }),
])

/** The seam the store commits through; a test may wrap the worker's to make a commit fail. */
export interface CommitChannel {
  /** Whether groups may be sent: the worker has opened the file. */
  ready(): boolean
  /** Starts the worker if it is not started; resolves once it is ready. */
  warm(): Promise<void>
  /** Sends one group; one outcome answers it, read with `poll` or `waitSync`, groups in order. */
  send(group: ReadonlyArray<TransactionRecord>): void
  /** The next outcome if it has come, else null. */
  poll(): CommitOutcome | null
  /** Resolves when an outcome may have come (then `poll`). */
  wait(): Promise<void>
  /** Blocks the thread until the next outcome comes. */
  waitSync(): CommitOutcome
  /** Nothing is in flight: the process need not stay up for the worker. */
  idle(): void
  close(): void
}

const answerTimeoutMs = 60_000

/** The worker's channel; `crash` stops its thread at once, as a fault would (how a test makes one). */
export type CommitWorker = CommitChannel & { crash(): Promise<void> }

export function commitWorker(file: string, key: SqliteKey): CommitWorker {
  let started: { worker: Worker; port: MessagePort; signal: Int32Array; ready: Promise<void> } | null = null
  let isReady = false
  let seen = 0
  let sent = 0
  /** Why the worker stopped while a group may have been in flight: read once, as that group's outcome. */
  let stopped: string | null = null
  const wakers: Array<() => void> = []
  // A worker that dies (an error, or killed) answers nothing: whoever waits hears that its group
  // failed, and the next write starts a new worker (committing on the store's connection meanwhile).
  const died = (worker: Worker, reason: string) => {
    if (started?.worker !== worker) return
    isReady = false
    // Nothing in flight: the next write simply starts a new worker.
    if (sent === seen) started = null
    else stopped = reason
    wakers.splice(0).forEach((wake) => wake())
  }
  const start = () => {
    // Each worker has its own signal, counted from zero.
    seen = 0
    sent = 0
    const { port1, port2 } = new MessageChannel()
    const signal = new Int32Array(new SharedArrayBuffer(4))
    // Only the SQLite key crosses, never the folder's key; nothing logs it.
    const workerKey = key === 'plain' ? 'plain' : { sqliteKey: key.sqliteKey }
    const worker = new Worker(new URL('./commitThread.ts', import.meta.url), {
      workerData: { file, key: workerKey, port: port2, signal },
      transferList: [port2],
    })
    // The worker's own messages say it is ready, or wake whoever waits without blocking; outcomes come on the port.
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message) => {
        if (message === 'ready') {
          isReady = true
          // Idle, the worker does not keep the process up; `send` holds it while a group is in flight.
          worker.unref()
          resolve()
        }
        wakers.splice(0).forEach((wake) => wake())
      })
      worker.on('error', (error: unknown) => {
        reject(error instanceof Error ? error : new Error(`The commit worker failed: ${String(error)}`))
        died(worker, `the commit worker failed: ${error instanceof Error ? error.message : String(error)}`)
      })
      worker.on('exit', (code) => died(worker, `the commit worker stopped (exit code ${code})`))
    })
    return { worker, port: port1, signal, ready }
  }
  const receive = (): CommitOutcome | null => {
    // Asked while no worker runs: whatever was in flight has no answer coming.
    if (!started) return { ok: false, reason: 'the commit worker stopped' }
    const received = receiveMessageOnPort(started.port)
    if (!received) {
      if (stopped === null) return null
      const reason = stopped
      stopped = null
      started = null
      return { ok: false, reason }
    }
    seen++
    const parsed = commitOutcome.safeParse(received.message)
    return parsed.success ? parsed.data : { ok: false, reason: 'the commit worker answered something else than an outcome' }
  }
  // A worker that died answers nothing: the wait ends with an error instead of hanging the lake.
  const blockUntilAnswered = (signal: Int32Array) => {
    for (let now = Atomics.load(signal, 0); now <= seen; now = Atomics.load(signal, 0))
      if (Atomics.wait(signal, 0, now, answerTimeoutMs) === 'timed-out')
        throw new Error(`The commit worker did not answer within ${answerTimeoutMs / 1000} s; restart the lake`)
  }
  return {
    ready: () => isReady,
    warm() {
      started ??= start()
      return started.ready
    },
    send(group) {
      if (!started || !isReady) throw new Error('A group was sent to the commit worker before it was ready')
      started.worker.ref()
      started.port.postMessage({ group })
      sent++
    },
    poll: receive,
    async wait() {
      if (!started) return
      if (Atomics.load(started.signal, 0) > seen || stopped !== null) return
      await new Promise<void>((wake) => wakers.push(wake))
    },
    waitSync() {
      if (!started) throw new Error('The commit worker was asked for an outcome before any group was sent')
      for (;;) {
        blockUntilAnswered(started.signal)
        const outcome = receive()
        if (outcome) return outcome
      }
    },
    idle() {
      started?.worker.unref()
    },
    async crash() {
      await started?.worker.terminate()
    },
    close() {
      if (!started) return
      started.port.postMessage({ close: true })
      blockUntilAnswered(started.signal)
      receiveMessageOnPort(started.port)
      started.port.close()
      started.worker.unref()
      started = null
      isReady = false
    },
  }
}
