// `npm run bench:lake`: the lake on 10,000 documents — query latency over HTTP against groq-js in
// process, durable transactions per second, and listener latency with 100 listeners — and the cost
// of encryption at rest (bench/encryptionBench.ts). A report, not a test: it prints tables and
// writes bench-results/lake-*.json. BENCH_ONLY=encryption runs the last part alone.
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLake, serveLake, throwawayKey } from '../lake/index.ts'
import { lakeClient } from '../wire/index.ts'
import { runQuery } from '../lake/query/runQuery.ts'
import { percentile, printTable, saveResults, type Row } from './benchTable.ts'
import { measureEncryption } from './encryptionBench.ts'
import { draftIdOf } from '../core/index.ts'

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
const dataDir = mkdtempSync(join(tmpdir(), 'bench-lake-'))
const lake = openLake({ dataDir, key: throwawayKey(dataDir), log: () => {} })
const dataset = lake.services.datasets.ensure('production')
const themes = ['forced-marriage', 'rape-in-prisons', 'soldier-violence', 'violence-against-men', 'violence-today']

console.log(`Loading ${documentCount} synthetic documents…`)
const batch = 1000
for (let start = 0; start < documentCount; start += batch) {
  const mutations = Array.from({ length: Math.min(batch, documentCount - start) }, (_, k) => {
    const i = start + k
    return {
      create: {
        _id: i % 10 === 0 ? draftIdOf(`doc-${i}`) : `doc-${i}`,
        _type: i % 3 === 0 ? 'testimony' : 'ceremony',
        slug: { current: `story-${i}` },
        province: ['Takeo', 'Kampot', 'Battambang'][i % 3],
        themes: [{ _ref: `theme-${themes[i % 5]}`, _key: 't' }],
        title: { en: `Synthetic story ${i}`, km: `រឿងសាកល្បង ${i}` },
        body: { en: [{ _type: 'block', children: [{ _type: 'span', text: 'word '.repeat(40) }] }] },
      },
    }
  })
  dataset.mutate(mutations, { author: 'bench' })
}

const { token } = lake.services.tokens.create({ name: 'Bench', role: 'administrator', now: new Date() })
const server = await serveLake(lake, 0)
const client = lakeClient({ port: server.port, token })

const queries: Array<[string, string, Record<string, unknown>]> = [
  ['by id', '*[_id == $id][0]', { id: 'doc-5000' }],
  ['filter + order + slice', '*[_type == "testimony" && province == $p] | order(slug.current) [0...20]{_id, title}', { p: 'Takeo' }],
  ['count by reference', 'count(*[references($theme)])', { theme: 'theme-violence-today' }],
  ['text search (Studio list)', '*[_type in ["testimony"] && [@, _id] match text::query($q)][0...50]._id', { q: 'synthetic 42' }],
]
const rounds = 30
const rows: Row[] = []
for (const [name, query, params] of queries) {
  const http: number[] = []
  const inProcess: number[] = []
  for (let r = 0; r < rounds; r++) {
    let t = performance.now()
    await client.fetch(query, params)
    http.push(performance.now() - t)
    t = performance.now()
    await runQuery({ query, params, perspective: 'raw', documents: dataset.documents() })
    inProcess.push(performance.now() - t)
  }
  const httpMedian = percentile(http, 50)
  const directMedian = percentile(inProcess, 50)
  rows.push({
    query: name,
    'HTTP p50 ms': httpMedian,
    'HTTP p95 ms': percentile(http, 95),
    'groq-js p50 ms': directMedian,
    ratio: httpMedian / directMedian,
  })
}
printTable(`Query latency on ${documentCount} documents (${rounds} rounds each)`, rows)

const transactions = 300
let t = performance.now()
for (let i = 0; i < transactions; i++) await client.create({ _id: `tx-${i}`, _type: 'theme' }, { visibility: 'async' })
const sequentialSeconds = (performance.now() - t) / 1000
t = performance.now()
await Promise.all(
  Array.from({ length: transactions }, (_, i) => client.create({ _id: `txp-${i}`, _type: 'theme' }, { visibility: 'async' })),
)
const concurrentSeconds = (performance.now() - t) / 1000
const txRows: Row[] = [
  { clients: 'one, sequential', transactions, 'tx/s': transactions / sequentialSeconds },
  { clients: `${transactions} concurrent`, transactions, 'tx/s': transactions / concurrentSeconds },
]
printTable('Durable transactions (synchronous=FULL, each acknowledged after commit)', txRows)

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

await server.close()
lake.close()
rmSync(dataDir, { recursive: true, force: true })

const encryption = await measureEncryption()
printTable(
  `Encryption at rest: a plain and an encrypted lake side by side (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
  encryption,
)

const file = saveResults('lake', { documentCount, queries: rows, transactions: txRows, listeners: listenRows, encryption })
console.log(`\nResults written to ${file}`)
