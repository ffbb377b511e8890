// Group commit (lake/store/groupCommit.ts): writes over HTTP wait while the commit worker makes the
// group before them durable. Each transaction is built against every earlier one, readers and
// listeners see it only once durable, in commit order, and a failed commit keeps nothing.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { assetCodecFor } from '../../lake/atRest/assetCodec.ts'
import type { FolderKey } from '../../lake/atRest/dataKey.ts'
import { AssetStore } from '../../lake/assets/assetStore.ts'
import { Dataset } from '../../lake/dataset.ts'
import { isLakeError } from '../../lake/errors.ts'
import type { MutationEvent } from '../../lake/listen/listenerHub.ts'
import { commitWorker, type CommitChannel } from '../../lake/store/commitChannel.ts'
import { DatasetStore } from '../../lake/store/datasetStore.ts'
import type { TransactionRecord } from '../../lake/store/transactionRows.ts'
import { keyFor } from './testKey.ts'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/** The worker's channel, seen from outside: the groups sent, and a hook that may change a group before it goes. */
function watchedWorker(change: (group: ReadonlyArray<TransactionRecord>) => ReadonlyArray<TransactionRecord> = (group) => group) {
  const groups: string[][] = []
  const open = (file: string, key: Parameters<typeof commitWorker>[1]): CommitChannel => {
    const worker = commitWorker(file, key)
    return {
      ...worker,
      send(group) {
        groups.push(group.map((transaction) => transaction.id))
        worker.send(change(group))
      },
    }
  }
  return { groups, open }
}

function openDataset(
  dataDir: string,
  key: FolderKey,
  commitChannel?: (file: string, key: Parameters<typeof commitWorker>[1]) => CommitChannel,
) {
  const store = new DatasetStore(join(dataDir, 'documents.sqlite'), key, commitChannel ? { commitChannel } : {})
  return new Dataset('production', store, new AssetStore(join(dataDir, 'assets'), assetCodecFor(key)), { now: () => new Date() })
}

/** A dataset whose commit worker is ready (until then, writes commit on the store's own connection). */
async function freshDataset(commitChannel?: Parameters<typeof openDataset>[2]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'group-commit-'))
  folders.push(dataDir)
  const key = keyFor(dataDir)
  const dataset = openDataset(dataDir, key, commitChannel)
  await dataset.store.warmGroupCommit()
  return { dataDir, key, dataset }
}

function listenTo(dataset: Dataset): MutationEvent[] {
  const events: MutationEvent[] = []
  dataset.listeners.subscribe(
    {
      query: '*',
      params: {},
      includeResult: false,
      includePreviousRevision: false,
      includeMutations: false,
      effectFormat: null,
      canRead: () => true,
    },
    (event) => events.push(event),
  )
  return events
}

const theme = (id: string, n = 0) => ({ createOrReplace: { _id: id, _type: 'theme', title: `Theme ${id} (fictional)`, n } })
const author = { author: 'group-commit-test' }

describe('group commit', () => {
  it('gathers the writes that arrive during a commit into the next group, and answers each once durable', async () => {
    const watched = watchedWorker()
    // The first group's answer is held until all are sent, as when they arrive during its fsync.
    let holding = true
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const open = (file: string, key: Parameters<typeof commitWorker>[1]): CommitChannel => {
      const worker = watched.open(file, key)
      return { ...worker, poll: () => (holding ? null : worker.poll()), wait: () => (holding ? held : worker.wait()) }
    }
    const { dataDir, key, dataset } = await freshDataset(open)
    const events = listenTo(dataset)
    const written = Array.from({ length: 200 }, (_, i) => dataset.mutateDurably([theme(`theme-${i}`)], author))
    holding = false
    release()
    const results = await Promise.all(written)
    // Two commits for 200 transactions: the first goes alone, the others wait for it and go together.
    expect(watched.groups.map((group) => group.length)).toEqual([1, 199])
    expect(watched.groups.flat()).toEqual(results.map((result) => result.transactionId))
    // Listeners heard each once, in commit order.
    expect(events.map((event) => event.transactionId)).toEqual(results.map((result) => result.transactionId))
    dataset.close()
    const reopened = openDataset(dataDir, key)
    expect(reopened.store.size).toBe(200)
    reopened.close()
  })

  it('builds each transaction on the waiting ones before it, and fails a wrong revision alone', async () => {
    const { dataset } = await freshDataset()
    const events = listenTo(dataset)
    const created = dataset.mutateDurably([theme('theme-a')], { ...author, transactionId: 'tx-create' })
    // Sent before the create is durable: the patch must find the document, as the create leaves it.
    const patched = dataset.mutateDurably([{ patch: { id: 'theme-a', ifRevisionID: 'tx-create', inc: { n: 1 } } }], {
      ...author,
      transactionId: 'tx-patch',
    })
    const stale = dataset.mutateDurably([{ patch: { id: 'theme-a', ifRevisionID: 'tx-create', inc: { n: 10 } } }], author)
    const again = dataset.mutateDurably([{ patch: { id: 'theme-a', ifRevisionID: 'tx-patch', inc: { n: 1 } } }], {
      ...author,
      transactionId: 'tx-again',
    })
    const outcomes = await Promise.allSettled([created, patched, stale, again])
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    const refused = outcomes[2]
    if (refused?.status !== 'rejected' || !isLakeError(refused.reason)) throw new Error('a stale revision must be refused with a LakeError')
    expect(refused.reason.body['items']).toEqual([{ index: 0, error: expect.objectContaining({ type: 'revisionMismatchError' }) }])
    expect(dataset.get('theme-a')).toMatchObject({ n: 2, _rev: 'tx-again' })
    // Unbroken revisions, in commit order.
    expect(events.map((event) => [event['previousRev'], event['resultRev']])).toEqual([
      [undefined, 'tx-create'],
      ['tx-create', 'tx-patch'],
      ['tx-patch', 'tx-again'],
    ])
    dataset.close()
  })

  it('shows a transaction to readers only once it is durable', async () => {
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let holding = true
    const open = (file: string, key: Parameters<typeof commitWorker>[1]): CommitChannel => {
      const worker = commitWorker(file, key)
      return {
        ...worker,
        send: (group) => void (holding ? held.then(() => worker.send(group)) : worker.send(group)),
        wait: () => (holding ? held : worker.wait()),
      }
    }
    const { dataset } = await freshDataset(open)
    const events = listenTo(dataset)
    const written = dataset.mutateDurably([theme('theme-held')], author)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(dataset.get('theme-held')).toBeNull()
    expect(dataset.documents().map((document) => document._id)).not.toContain('theme-held')
    expect(events).toEqual([])
    // The next writer already builds on it.
    expect(dataset.store.latest.get('theme-held')).toMatchObject({ _type: 'theme' })
    holding = false
    release()
    await written
    expect(dataset.get('theme-held')).toMatchObject({ _type: 'theme' })
    expect(events.map((event) => event.documentId)).toEqual(['theme-held'])
    dataset.close()
  })

  it('resumes a listener only up to what readers see, while a committed group is not yet taken in', async () => {
    let holding = false
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const open = (file: string, key: Parameters<typeof commitWorker>[1]): CommitChannel => {
      const worker = commitWorker(file, key)
      // The worker commits; its answer is held back from the main thread.
      return { ...worker, poll: () => (holding ? null : worker.poll()), wait: () => (holding ? held : worker.wait()) }
    }
    const { dataset } = await freshDataset(open)
    await dataset.mutateDurably([theme('theme-first')], { ...author, transactionId: 'tx-first' })
    holding = true
    const written = dataset.mutateDurably([theme('theme-second')], { ...author, transactionId: 'tx-second' })
    for (let waited = 0; dataset.store.transactionsOf('theme-second').length === 0; waited += 10) {
      if (waited > 10_000) throw new Error('the commit worker did not commit within 10 s')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(dataset.get('theme-second')).toBeNull()
    expect(dataset.store.transactionsAfter('tx-first', 10)).toEqual([])
    holding = false
    release()
    await written
    expect(dataset.store.transactionsAfter('tx-first', 10)?.map((transaction) => transaction.id)).toEqual(['tx-second'])
    dataset.close()
  })

  it('refuses the group in flight when the commit worker dies, and commits the next write with a new one', async () => {
    let crashing = false
    let crashed: Promise<void> = Promise.resolve()
    const open = (file: string, key: Parameters<typeof commitWorker>[1]): CommitChannel => {
      const worker = commitWorker(file, key)
      return {
        ...worker,
        // The worker is stopped as the group is sent: no answer will come from it.
        send(group) {
          if (crashing) {
            crashing = false
            crashed = worker.crash()
          }
          worker.send(group)
        },
      }
    }
    const { dataDir, key, dataset } = await freshDataset(open)
    await dataset.mutateDurably([theme('theme-before')], author)
    crashing = true
    const lost = dataset.mutateDurably([theme('theme-lost')], author)
    const outcome = await Promise.race([
      lost.then(
        () => 'stored',
        (error: unknown) => (isLakeError(error) ? error.body.type : 'another error'),
      ),
      new Promise((resolve) => setTimeout(() => resolve('no answer within 20 s'), 20_000)),
    ])
    await crashed
    expect(outcome).toBe('commitFailedError')
    expect(dataset.get('theme-lost')).toBeNull()
    // The next write is stored (on the store's own connection while a new worker starts).
    await dataset.mutateDurably([theme('theme-after')], author)
    expect(dataset.get('theme-after')).toMatchObject({ _type: 'theme' })
    dataset.close()
    const reopened = openDataset(dataDir, key)
    expect(reopened.get('theme-lost')).toBeNull()
    expect(reopened.get('theme-after')).toMatchObject({ _type: 'theme' })
    reopened.close()
  })

  it('refuses every transaction of a failed commit and those built on it, and keeps nothing of them', async () => {
    let failNext = false
    // Its answer held back until every transaction below is built on it (a busy machine could
    // otherwise let the worker answer before the last is sent, and they would not be built on it).
    let holding = false
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    // A real failure inside SQLite's transaction: the group is sent with a transaction whose id is
    // already in the log, after the group's own rows, so the commit fails half-way and rolls back.
    const watched = watchedWorker((group) => {
      if (!failNext) return group
      failNext = false
      const first = group[0]
      return first ? [...group, { ...first, id: 'tx-before', changes: [] }] : group
    })
    const open = (file: string, key: Parameters<typeof commitWorker>[1]): CommitChannel => {
      const worker = watched.open(file, key)
      return { ...worker, poll: () => (holding ? null : worker.poll()), wait: () => (holding ? held : worker.wait()) }
    }
    const { dataDir, key, dataset } = await freshDataset(open)
    const events = listenTo(dataset)
    await dataset.mutateDurably([theme('theme-kept')], { ...author, transactionId: 'tx-before' })
    failNext = true
    holding = true
    const doomed = Array.from({ length: 20 }, (_, i) => dataset.mutateDurably([theme(`theme-lost-${i}`)], author))
    // Built on the doomed ones, while they wait.
    const builtOn = dataset.mutateDurably([{ patch: { id: 'theme-lost-0', set: { n: 5 } } }], author)
    holding = false
    release()
    const outcomes = await Promise.allSettled([...doomed, builtOn])
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected')
      if (outcome.status !== 'rejected' || !isLakeError(outcome.reason)) throw new Error('a commit failure must be a LakeError')
      expect(outcome.reason.status).toBe(503)
      expect(outcome.reason.body.type).toBe('commitFailedError')
      expect(outcome.reason.message).toMatch(/nothing of it was kept.*send it again/)
    }
    expect(dataset.documents().map((document) => document._id)).toEqual(['theme-kept'])
    expect(dataset.store.latest.get('theme-lost-0')).toBeNull()
    expect(events.map((event) => event.documentId)).toEqual(['theme-kept'])
    // The lake goes on: the next write is stored, and a write in process too.
    await dataset.mutateDurably([theme('theme-after')], author)
    dataset.mutate([theme('theme-in-process')], author)
    dataset.close()
    const reopened = openDataset(dataDir, key)
    expect(reopened.documents().map((document) => document._id)).toEqual(['theme-after', 'theme-in-process', 'theme-kept'])
    expect(reopened.store.transactionsOf('theme-lost-0')).toEqual([])
    reopened.close()
  })

  it('commits a write in process after the waiting ones, in order', async () => {
    const { dataDir, key, dataset } = await freshDataset()
    const events = listenTo(dataset)
    const waiting = Array.from({ length: 10 }, (_, i) => dataset.mutateDurably([theme(`theme-${i}`)], author))
    const inProcess = dataset.mutate([{ patch: { id: 'theme-9', set: { n: 9 } } }], author)
    const durable = await Promise.all(waiting)
    expect(events.map((event) => event.transactionId)).toEqual([...durable.map((result) => result.transactionId), inProcess.transactionId])
    dataset.close()
    const reopened = openDataset(dataDir, key)
    expect(reopened.get('theme-9')).toMatchObject({ n: 9, _rev: inProcess.transactionId })
    reopened.close()
  })
})
