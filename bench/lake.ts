// `npm run bench:lake`: the lake on 10,000 documents — query latency over HTTP against groq-js in
// process, durable transactions per second (beside the same writes through a bare `node:http` client
// and @sanity/client against a server that answers at once, to tell which side limits them),
// listener latency with 100 listeners and a listener's resume after `Last-Event-ID` — and the cost
// of encryption at rest (bench/encryptionBench.ts). Each figure is printed beside its target (issue
// 13). A report, not a test: it prints tables and writes bench-results/lake-*.json.
// BENCH_ONLY=encryption runs the last part alone.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { rmSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { createInterface } from 'node:readline'
import { setImmediate as turnOfTheLoop } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { serveLake } from '../lake/index.ts'
import { lakeClient } from '../wire/index.ts'
import { runQuery } from '../lake/query/runQuery.ts'
import { percentile, printTable, saveResults, type Row } from './benchTable.ts'
import { measureEncryption } from './encryptionBench.ts'
import { measureResume } from './listenerResumeBench.ts'
import { openSyntheticLake } from './syntheticLake.ts'
import { bareWriter, clientAgainstNullServer, type CreateOne } from './writeDrivers.ts'

const met = (ok: boolean) => (ok ? 'yes' : 'NO')

if (process.env.BENCH_ONLY === 'encryption') {
  const encryption = await measureEncryption()
  printTable(
    `Encryption at rest: a plain and an encrypted lake side by side (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
    encryption,
  )
  console.log(`\nResults written to ${saveResults('lake-encryption', { encryption })}`)
  process.exit(0)
}

const documentCount = Number(process.env.BENCH_DOCUMENTS ?? 10_000)
const listenerCount = Number(process.env.BENCH_LISTENERS ?? 100)
// Over HTTP the lake runs in its own process, as `npm start` runs it, with the clients here, as in
// real use; BENCH_LAKE=same serves it from this process instead (client and lake then share a thread).
const sameProcess = process.env.BENCH_LAKE === 'same'

console.log(`Loading ${documentCount} synthetic documents…`)
const { dataDir, lake, dataset } = openSyntheticLake(documentCount)
const served = sameProcess ? await serveHere() : await serveInChildProcess()
const { token } = served
const client = lakeClient({ port: served.port, token })
console.log(sameProcess ? 'The lake serves HTTP from this process.' : `The lake serves HTTP from its own process (pid ${served.pid}).`)

async function serveHere() {
  const { token } = lake.services.tokens.create({ name: 'Bench', role: 'administrator', now: new Date() })
  const server = await serveLake(lake, 0)
  return { port: server.port, token, pid: process.pid, close: () => server.close() }
}

async function serveInChildProcess() {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./lakeProcess.ts', import.meta.url)), String(documentCount)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const first = await lines.next()
  const started = z.object({ port: z.number(), token: z.string() }).parse(JSON.parse(String(first.value)))
  const close = async () => {
    child.stdin.end()
    await once(child, 'exit')
  }
  return { ...started, pid: child.pid, close }
}

// The target (≤ 1.3 × groq-js) is for the queries the lake answers through its index; the others
// are reported. groq-js in process: the same query over every document, without the index.
const queries: Array<[string, string, Record<string, unknown>, boolean]> = [
  ['by id', '*[_id == $id][0]', { id: 'doc-5000' }, true],
  ['by type', '*[_type == "testimony" && province == $p]._id', { p: 'Kampot' }, true],
  ['filter + order + slice', '*[_type == "testimony" && province == $p] | order(slug.current) [0...20]{_id, title}', { p: 'Takeo' }, true],
  ['count by reference', 'count(*[references($theme)])', { theme: 'theme-violence-today' }, false],
  ['text search (Studio list)', '*[_type in ["testimony"] && [@, _id] match text::query($q)][0...50]._id', { q: 'synthetic 42' }, false],
]
// Each kind in a run of its own, after enough untimed calls for V8 to optimise the lake's request
// path (a few hundred; 20 measured its first, unoptimised calls), as a Studio's steady traffic finds
// it. Alternating the two in one loop made each HTTP call pay for collecting the garbage of the
// in-process run over every document before it. Between calls the event loop turns, as a server's
// does: groq-js in process answers at once, and a loop kept busy for seconds let the lake close the
// client's idle keep-alive connection unseen (the next call then failed with "other side closed").
const rounds = 100
const warmUpRounds = 200
const rows: Row[] = []
const timed = async (run: () => Promise<unknown>) => {
  for (let r = 0; r < warmUpRounds; r++) {
    await run()
    await turnOfTheLoop()
  }
  const times: number[] = []
  for (let r = 0; r < rounds; r++) {
    const t = performance.now()
    await run()
    times.push(performance.now() - t)
    await turnOfTheLoop()
  }
  return times
}
for (const [name, query, params, indexed] of queries) {
  const http = await timed(() => client.fetch(query, params))
  const inProcess = await timed(() => runQuery({ query, params, perspective: 'raw', documents: dataset.documents() }))
  const httpMedian = percentile(http, 50)
  const directMedian = percentile(inProcess, 50)
  const ratio = httpMedian / directMedian
  rows.push({
    query: name,
    'HTTP p50 ms': httpMedian,
    'HTTP p95 ms': percentile(http, 95),
    'groq-js p50 ms': directMedian,
    ratio,
    target: indexed ? '≤ 1.3 × groq-js' : 'reported',
    met: indexed ? met(ratio <= 1.3) : '',
  })
}
printTable(
  `Query latency on ${documentCount} documents (${rounds} rounds each after ${warmUpRounds} untimed; HTTP through the lake's index, groq-js over every document)`,
  rows,
)

// Each measure three times (the machine is shared), the median kept; each transaction one create.
const transactions = 300
const txRounds = 3
// Untimed first: the first write over HTTP starts the lake's commit worker (group commit), and
// writes commit one by one on the main thread until it is ready; two seconds of writes cover that.
for (let i = 0, started = performance.now(); performance.now() - started < 2000; i++)
  await client.create({ _id: `txw-${i}`, _type: 'theme' }, { visibility: 'async' })
await dataset.store.warmGroupCommit()
// Each HTTP figure with the bench's own CPU time per call (the client's side of it), so that the
// table says which side limits: the lake, or the client and the machine.
const oneAfterAnother = (create: CreateOne) => async (round: number, name: string) => {
  for (let i = 0; i < transactions; i++) await create(`${name}-${round}-${i}`)
}
const allAtOnce = (create: CreateOne) => async (round: number, name: string) => {
  await Promise.all(Array.from({ length: transactions }, (_, i) => create(`${name}-${round}-${i}`)))
}
const sanityCreate: CreateOne = async (id) => {
  await client.create({ _id: id, _type: 'theme' }, { visibility: 'async' })
}
const bare = bareWriter(served.port, token)
const nullServer = await clientAgainstNullServer()
const measures: Record<string, (round: number, name: string) => Promise<void>> = {
  sequential: oneAfterAnother(sanityCreate),
  concurrent: allAtOnce(sanityCreate),
  bareSequential: oneAfterAnother(bare.create),
  bareConcurrent: allAtOnce(bare.create),
  clientAloneSequential: oneAfterAnother(nullServer.create),
  clientAloneConcurrent: allAtOnce(nullServer.create),
  // Group commit without HTTP: what the lake itself does with many writers at once.
  concurrentInProcess: allAtOnce(async (id) => {
    await dataset.mutateDurably([{ create: { _id: id, _type: 'theme' } }], { author: 'bench' })
  }),
  inProcess: oneAfterAnother((id) => {
    dataset.mutate([{ create: { _id: id, _type: 'theme' } }], { author: 'bench' })
    return Promise.resolve()
  }),
}
const medians: Record<string, { perSecond: number; cpuMs: number }> = {}
for (const [name, measure] of Object.entries(measures)) {
  const figures: number[] = []
  const cpu: number[] = []
  for (let round = 0; round < txRounds; round++) {
    const t = performance.now()
    const used = process.cpuUsage()
    await measure(round, name)
    const { user, system } = process.cpuUsage(used)
    figures.push(transactions / ((performance.now() - t) / 1000))
    cpu.push((user + system) / 1000 / transactions)
  }
  medians[name] = { perSecond: percentile(figures, 50), cpuMs: percentile(cpu, 50) }
}
bare.close()
await nullServer.close()
const figure = (name: string) => medians[name]?.perSecond ?? 0
const clientCpu = (name: string) => medians[name]?.cpuMs ?? 0
const sequential = figure('sequential')
const concurrent = figure('concurrent')
const inProcessTx = figure('inProcess')
const where = sameProcess ? 'lake in this process' : 'lake in its own process'
const txRows: Row[] = [
  {
    clients: `one @sanity/client, one call after another (HTTP, ${where})`,
    'tx/s': sequential,
    'client CPU ms/call': clientCpu('sequential'),
    target: '≥ 1,000 tx/s',
    met: met(sequential >= 1000),
  },
  {
    clients: `${transactions} @sanity/client calls at once (HTTP, ${where})`,
    'tx/s': concurrent,
    'client CPU ms/call': clientCpu('concurrent'),
    target: '≥ 3,000 tx/s',
    met: met(concurrent >= 3000),
  },
  { clients: 'one after another, in process (no HTTP)', 'tx/s': inProcessTx, target: '≥ 1,000 tx/s', met: met(inProcessTx >= 1000) },
  { clients: `${transactions} at once, in process (group commit, no HTTP)`, 'tx/s': figure('concurrentInProcess'), target: 'reported' },
  {
    clients: `bare node:http, one call after another (HTTP, ${where})`,
    'tx/s': figure('bareSequential'),
    'client CPU ms/call': clientCpu('bareSequential'),
    target: 'reported: the lake without @sanity/client',
  },
  {
    clients: `bare node:http, ${transactions} at once over 64 connections (HTTP, ${where})`,
    'tx/s': figure('bareConcurrent'),
    'client CPU ms/call': clientCpu('bareConcurrent'),
    target: 'reported: the lake without @sanity/client',
  },
  {
    clients: '@sanity/client alone, one call after another (a server that answers at once)',
    'tx/s': figure('clientAloneSequential'),
    'client CPU ms/call': clientCpu('clientAloneSequential'),
    target: 'reported: the ceiling over @sanity/client',
  },
  {
    clients: `@sanity/client alone, ${transactions} calls at once (a server that answers at once)`,
    'tx/s': figure('clientAloneConcurrent'),
    'client CPU ms/call': clientCpu('clientAloneConcurrent'),
    target: 'reported: the ceiling over @sanity/client',
  },
]
printTable(
  `Durable transactions (synchronous=FULL, each acknowledged after its commit; median of ${txRounds} × ${transactions}; load average ${loadavg()[0]?.toFixed(1)})`,
  txRows,
)

const received = new Map<string, number[]>()
const subscriptions = Array.from({ length: listenerCount }, () =>
  client.listen('*[_type == "bench.ping"]', {}, { events: ['welcome', 'mutation'] }).subscribe((event) => {
    if (event.type !== 'mutation') return
    const times = received.get(event.documentId) ?? []
    times.push(performance.now())
    received.set(event.documentId, times)
  }),
)
await new Promise((resolve) => setTimeout(resolve, 2000))
const latencies: number[] = []
for (let i = 0; i < 20; i++) {
  const sent = performance.now()
  await client.create({ _id: `ping-${i}`, _type: 'bench.ping' })
  const deadline = Date.now() + 5000
  while ((received.get(`ping-${i}`)?.length ?? 0) < listenerCount && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 5))
  for (const at of received.get(`ping-${i}`) ?? []) latencies.push(at - sent)
}
for (const subscription of subscriptions) subscription.unsubscribe()
const listenRows: Row[] = [
  {
    listeners: listenerCount,
    events: latencies.length,
    'p50 ms': percentile(latencies, 50),
    'p99 ms': percentile(latencies, 99),
    'max ms': Math.max(...latencies),
  },
]
printTable('Listener latency: from a write being sent to each listener receiving it', listenRows)

const missed = 50
const resume = await measureResume(served.port, token, client, missed)
const resumeRows: Row[] = [
  {
    measure: `a listener back after ${missed} transactions, with Last-Event-ID`,
    opening: resume.opening,
    'missed events sent': resume.received,
    ms: resume.ms,
    target: `welcomeback, then all ${missed}`,
    met: met(resume.opening === 'welcomeback' && resume.received === missed),
  },
]
printTable('Listener resume (enableResume, Last-Event-ID)', resumeRows)

await served.close()
lake.close()
rmSync(dataDir, { recursive: true, force: true })

const encryption = await measureEncryption()
printTable(
  `Encryption at rest: a plain and an encrypted lake side by side (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
  encryption,
)

const file = saveResults('lake', {
  documentCount,
  queries: rows,
  transactions: txRows,
  listeners: listenRows,
  resume: resumeRows,
  encryption,
})
console.log(`\nResults written to ${file}`)
