// `npm run bench`: the whole archive measured in one report. For 1,000 and 5,000 synthetic bilingual
// testimonies (and 20,000 with BENCH_LARGE=1, when the machine has the memory): the pipeline (lake →
// consent gate → Astro → Pagefind) against bare Astro + Pagefind on the same content, peak memory of
// each, seconds from a withdrawal to the story being gone from its page and the search, page weight
// and first-search bytes; then the lake's query, transaction and listener figures. Each run is its
// own process (bench/pipeline.ts) so its memory is its own. Tables print; results go to bench-results/.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { totalmem } from 'node:os'
import { z } from 'zod'
import { printTable, saveResults, type Row } from './benchTable.ts'

const sizes = [1000, 5000, ...(process.env.BENCH_LARGE === '1' ? [20_000] : [])]
const runResult = z.looseObject({ mode: z.string(), count: z.number(), totalMs: z.number(), peakMegabytes: z.number() })
const siteResult = runResult.extend({ withdrawalSeconds: z.number(), storyPageGzipKb: z.number(), firstSearchGzipKb: z.number() })

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

console.log(`Benchmarking on ${Math.round(totalmem() / 1e9)} GB of memory; sizes: ${sizes.join(', ')} (BENCH_LARGE=1 adds 20,000).`)
const pipeline: Row[] = []
const raw: unknown[] = []
for (const count of sizes) {
  console.log(`\n— ${count} testimonies —`)
  const ours = siteResult.parse(JSON.parse(lastLine(await run('bench/pipeline.ts', ['site', String(count)]))))
  const bare = runResult.parse(JSON.parse(lastLine(await run('bench/pipeline.ts', ['bare', String(count)]))))
  raw.push(ours, bare)
  pipeline.push({
    stories: count,
    'archive s': ours.totalMs / 1000,
    'bare s': bare.totalMs / 1000,
    ratio: Math.round((ours.totalMs / bare.totalMs) * 100) / 100,
    'archive peak MB': ours.peakMegabytes,
    'bare peak MB': bare.peakMegabytes,
    'withdrawal → gone s': ours.withdrawalSeconds,
    'story page gzip KB': ours.storyPageGzipKb,
    'first search gzip KB': ours.firstSearchGzipKb,
  })
}

console.log('\n— the lake, 10,000 documents —')
const lakeOutput = await run('bench/lake.ts', [])
const lakeFile = /Results written to (\S+)/.exec(lakeOutput)?.[1]
const lake = lakeFile ? z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(lakeFile, 'utf8'))) : {}

printTable('Pipeline: lake → consent gate → Astro → Pagefind, against bare Astro + Pagefind on the same content', pipeline)
console.log('Budgets: withdrawal → gone ≤ 5 s at 5,000 stories; story page ≤ 30 KB; first search ≤ 150 KB.')
console.log(`\nResults: ${saveResults('bench', { sizes, pipeline, runs: raw, lake })}`)
