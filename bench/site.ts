// `npm run bench:site [-- N]`: the public site's weight and build time. A report, not a test: it
// prints tables and writes bench-results/site-*.json. Story page weight (gzip, HTML with its inlined
// CSS; JavaScript needed to read), bytes fetched for a first search, and build time for the seed and
// for N synthetic bilingual testimonies (default 1,000), against bare Astro + Pagefind on the same content.
import { build } from 'astro'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as pagefind from 'pagefind'
import { importDocuments, lakeClient, openLake, serveLake } from '../lake/index.ts'
import { seedArchivePath } from '../seed/index.ts'
import { buildSite, loadSiteContent } from '../site/index.ts'
import { provideSiteContent } from '../site/content/contentBridge.ts'
import { launchChromium } from '../tests/browserHarness.ts'
import { serveStatic } from '../tests/site/staticServer.ts'
import { printTable, saveResults, type Row } from './benchTable.ts'
import { syntheticTestimonies } from './syntheticTestimonies.ts'

process.env.ASTRO_TELEMETRY_DISABLED = '1'
const count = Number(process.argv[2] ?? process.env.BENCH_STORIES ?? 1000)
const today = '2026-11-29'
const work = mkdtempSync(join(tmpdir(), 'bench-site-'))
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10

async function lakeWith(extra: Array<Record<string, unknown>>) {
  const lake = openLake({ dataDir: mkdtempSync(join(work, 'lake-')), log: () => {}, clock: { now: () => new Date(`${today}T12:00:00Z`) } })
  const dataset = lake.services.datasets.ensure('production')
  const lines = [readFileSync(seedArchivePath, 'utf8').trim(), ...extra.map((document) => JSON.stringify(document))]
  importDocuments(dataset, lines.join('\n'), { author: 'bench', replace: true })
  const { token } = lake.services.tokens.create({ name: 'Bench', role: 'publisher', now: new Date() })
  const server = await serveLake(lake, 0)
  return {
    client: lakeClient({ port: server.port, token, perspective: 'published' }),
    close: async () => {
      await server.close()
      lake.close()
    },
  }
}

const gzipped = (bytes: Buffer) => (bytes[0] === 0x1f && bytes[1] === 0x8b ? bytes.length : gzipSync(bytes).length)
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  )

/** Searches as a reader would: the site's search page, or (for the bare baseline) Pagefind's API on a story page. */
async function firstSearch(outDir: string, lang: 'km' | 'en', query: string, on: 'search page' | 'api' = 'search page') {
  const server = await serveStatic(outDir)
  const browser = await launchChromium()
  const page = await browser.newPage()
  const fetched: string[] = []
  page.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname))
  let results = 0
  if (on === 'search page') {
    await page.goto(`${server.url}/${lang}/search/?q=${encodeURIComponent(query)}`)
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '') !== '')
    await page.waitForLoadState('networkidle')
    results = await page.$$eval('#search-results li', (items) => items.length)
  } else {
    await page.goto(`${server.url}/${lang}/synthetic-story-0/`)
    results = await page.evaluate(async (q) => {
      const api = await import(new URL('/pagefind/pagefind.js', location.href).href)
      await api.options({ noWorker: true })
      const search = await api.search(q)
      await Promise.all(search.results.slice(0, 5).map((result: { data: () => Promise<unknown> }) => result.data()))
      return search.results.length
    }, query)
  }
  await browser.close()
  await server.close()
  const searchFiles = fetched.filter((path) => path.startsWith('/pagefind/'))
  const sizes = searchFiles.map((path) => ({ path, bytes: gzipped(readFileSync(join(outDir, decodeURIComponent(path)))) }))
  const bytes = sizes.reduce((sum, file) => sum + file.bytes, 0)
  const largest = sizes.map((file) => `${file.path.replace('/pagefind/', '')} ${kb(file.bytes)}`).join(', ')
  return { bytes, files: searchFiles.length, results, largest }
}

async function bareBuild(client: ReturnType<typeof lakeClient>, outDir: string) {
  const started = performance.now()
  const { content } = await loadSiteContent({ client, today })
  provideSiteContent(content)
  await build({ root: fileURLToPath(new URL('bareSite', import.meta.url)), configFile: false, outDir, logLevel: 'warn' })
  const astroDone = performance.now()
  const { index } = await pagefind.createIndex({})
  await index?.addDirectory({ path: outDir })
  await index?.writeFiles({ outputPath: join(outDir, 'pagefind') })
  await pagefind.close()
  return { astro: Math.round(astroDone - started), total: Math.round(performance.now() - started) }
}

function indexSize(outDir: string) {
  const all = files(join(outDir, 'pagefind'))
  return { files: all.length, megabytes: Math.round(all.reduce((sum, file) => sum + statSync(file).size, 0) / 1e5) / 10 }
}

const results: Record<string, unknown> = { count }
try {
  console.log('Building the seed site…')
  const seed = await lakeWith([])
  const seedOut = join(work, 'seed')
  const seedReport = await buildSite({ client: seed.client, outDir: seedOut, today, quiet: true })
  await seed.close()
  const story = 'the-wedding-i-did-not-choose'
  const weights: Row[] = (['km', 'en'] as const).map((lang) => {
    const html = readFileSync(join(seedOut, lang, 'stories', story, 'index.html'))
    const scripts = [...html.toString().matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('')
    const external = [...html.toString().matchAll(/<script[^>]*src=/g)].length
    return {
      page: `${lang} story`,
      'HTML+CSS gzip KB': kb(gzipSync(html).length),
      'JS needed to read KB': 0,
      'inline JS (quick exit) gzip KB': kb(gzipSync(scripts).length),
      'external scripts': external,
      'Khmer font KB': lang === 'km' ? kb(statSync(files(join(seedOut, '_astro')).find((f) => f.includes('400')) ?? '').size) : 0,
      'budget KB': 30,
    }
  })
  printTable('Story page weight (seed)', weights)
  const searches: Row[] = []
  for (const [lang, query] of [
    ['km', 'សែសិប'],
    ['en', 'shackled'],
  ] as const) {
    const search = await firstSearch(seedOut, lang, query)
    searches.push({
      search: `${lang} "${query}"`,
      'gzip KB': kb(search.bytes),
      files: search.files,
      results: search.results,
      'budget KB': 150,
    })
  }
  printTable('Bytes fetched for a first search (seed)', searches)
  results.seed = { report: seedReport, weights, searches }

  console.log(`\nBuilding ${count} synthetic bilingual testimonies (about 750 words per language)…`)
  const synthetic = await lakeWith(syntheticTestimonies(count))
  const oursOut = join(work, 'ours')
  const ours = await buildSite({ client: synthetic.client, outDir: oursOut, today, quiet: true })
  const oursIndex = indexSize(oursOut)
  const largeSearch = await firstSearch(oursOut, 'km', 'សែសិប')
  const bareOut = join(work, 'bare')
  const bare = await bareBuild(synthetic.client, bareOut)
  const bareIndex = indexSize(bareOut)
  const bareSearch = await firstSearch(bareOut, 'km', 'សែសិប', 'api')
  await synthetic.close()
  const builds: Row[] = [
    {
      build: `seed (${seedReport.stories} stories)`,
      'load s': seedReport.milliseconds.load / 1000,
      'astro s': seedReport.milliseconds.astro / 1000,
      'search s': seedReport.milliseconds.search / 1000,
      'total s': seedReport.milliseconds.total / 1000,
      'index MB': indexSize(seedOut).megabytes,
      'index files': indexSize(seedOut).files,
    },
    {
      build: `site, ${ours.stories} stories`,
      'load s': ours.milliseconds.load / 1000,
      'astro s': ours.milliseconds.astro / 1000,
      'search s': ours.milliseconds.search / 1000,
      'total s': ours.milliseconds.total / 1000,
      'index MB': oursIndex.megabytes,
      'index files': oursIndex.files,
    },
    {
      build: `bare Astro + Pagefind, same stories`,
      'load s': 0,
      'astro s': bare.astro / 1000,
      'search s': (bare.total - bare.astro) / 1000,
      'total s': bare.total / 1000,
      'index MB': bareIndex.megabytes,
      'index files': bareIndex.files,
    },
    { build: 'ratio site / bare', 'total s': Math.round((ours.milliseconds.total / bare.total) * 100) / 100 },
  ]
  printTable(`Build time, ${count} synthetic testimonies`, builds)
  console.log(`First search files (gzip KB): ${largeSearch.largest}`)
  console.log(`Bare baseline's first search files (gzip KB): ${bareSearch.largest}`)
  printTable(`First Khmer search on ${count} stories`, [
    {
      search: 'site: km "សែសិប"',
      'gzip KB': kb(largeSearch.bytes),
      files: largeSearch.files,
      results: largeSearch.results,
      'budget KB': 150,
    },
    { search: 'bare: km "សែសិប"', 'gzip KB': kb(bareSearch.bytes), files: bareSearch.files, results: bareSearch.results, 'budget KB': 150 },
  ])
  results.synthetic = { ours, bare, oursIndex, bareIndex, largeSearch, bareSearch, builds }
  console.log(`\nResults: ${saveResults('site', results)}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
