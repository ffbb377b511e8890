// `npm run bench`: the whole archive measured in one report. For 1,000 and 5,000 synthetic bilingual
// testimonies (and 20,000 with BENCH_LARGE=1, when the machine has the memory; BENCH_SIZES=20,1000
// for others): the pipeline (lake → consent gate → Astro → Pagefind) against the fair bare build
// (the same pages from the same templates, no lake or gate, plain Pagefind), peak memory, seconds
// from a publication to its page and from a withdrawal to the story being gone, the lake's answers
// to the Studio during a rebuild, page weight and first-search bytes; then the lake's query,
// transaction and listener figures (BENCH_LAKE=0 leaves them out). Each run is its own process
// (bench/pipeline.ts) so its memory is its own. Tables print; results go to bench-results/.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { loadavg, totalmem } from 'node:os'
import { z } from 'zod'
import { printTable, saveResults } from './benchTable.ts'
import { bareRun, siteRun, sizeResults, sizeTable, type BareRun, type SiteRun } from './pipelineResults.ts'

const sizes = process.env.BENCH_SIZES
  ? z.array(z.coerce.number().int().min(1)).parse(process.env.BENCH_SIZES.split(','))
  : [1000, 5000, ...(process.env.BENCH_LARGE === '1' ? [20_000] : [])]

/** Runs a bench script in its own Node process; its progress shows as it goes, its last line is the result. */
function run(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      process.stdout.write(chunk)
    })
    child.on('exit', (code) => (code === 0 ? resolve(output.trim()) : reject(new Error(`${script} ${args.join(' ')} exited with ${code}`))))
  })
}
const lastLine = (output: string) => output.split('\n').at(-1) ?? ''
const load = () =>
  loadavg()
    .map((figure) => figure.toFixed(2))
    .join(', ')

console.log(`Benchmarking on ${Math.round(totalmem() / 1e9)} GB of memory, load average ${load()}; sizes: ${sizes.join(', ')}.`)
const runs: Array<{ site: SiteRun; bare: BareRun }> = []
for (const count of sizes) {
  console.error(`\n— ${count} testimonies —`)
  const site = siteRun.parse(JSON.parse(lastLine(await run('bench/pipeline.ts', ['site', String(count)]))))
  const bare = bareRun.parse(JSON.parse(lastLine(await run('bench/pipeline.ts', ['bare', String(count)]))))
  runs.push({ site, bare })
}
const loadAfterBuilds = load()
const results = sizeResults(runs)

let lake: Record<string, unknown> = {}
if (process.env.BENCH_LAKE !== '0') {
  console.error('\n— the lake, 10,000 documents —')
  const lakeOutput = await run('bench/lake.ts', [])
  const lakeFile = /Results written to (\S+)/.exec(lakeOutput)?.[1]
  lake = lakeFile ? z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(lakeFile, 'utf8'))) : {}
}

for (const result of results)
  printTable(
    `${result.stories.toLocaleString('en')} stories: lake → consent gate → Astro → Pagefind, against the fair bare build`,
    sizeTable(result, sizes[0] ?? result.stories),
  )
console.log(`\nLoad average after the builds: ${loadAfterBuilds} (2-core machine; build times vary with it).`)
console.log(`\nResults: ${saveResults('bench', { sizes, loadAverage: loadAfterBuilds, results, runs, lake })}`)
