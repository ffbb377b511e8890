// `npm run bench:site [-- N]`: the public site's weight and build time. A report, not a test: it
// prints tables and writes bench-results/site-*.json. Story page weight (gzip, HTML with its inlined
// CSS; JavaScript needed to read), bytes fetched for a first search beside the quality of Khmer search
// (on the seed and on 60 generated stories), and build time for the seed and for N synthetic bilingual
// testimonies (default 1,000), against bare Astro + Pagefind on the same content.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildSite, loadSiteContent } from '../site/index.ts'
import { bareBuild } from './bareBuild.ts'
import { bareContent } from './bareContent.ts'
import { printTable, saveResults, type Row } from './benchTable.ts'
import { files, firstSearch, indexSize, kb, khmerSearchQuality, lakeWith } from './siteMeasures.ts'
import { syntheticTestimonies } from './syntheticTestimonies.ts'

process.env.ASTRO_TELEMETRY_DISABLED = '1'
const count = Number(process.argv[2] ?? process.env.BENCH_STORIES ?? 1000)
const today = '2026-11-29'
const work = mkdtempSync(join(tmpdir(), 'bench-site-'))

const results: Record<string, unknown> = { count }
try {
  console.log('Building the seed site…')
  const seed = await lakeWith(work, [])
  const seedOut = join(work, 'seed')
  const seedReport = await buildSite({ client: seed.client, outDir: seedOut, today, quiet: true })
  const qualities: Row[] = [{ site: `seed (${seedReport.stories} stories)`, ...(await khmerSearchQuality(seedOut, seed.client)) }]
  await seed.close()
  // Every word of a corpus is asked, each loading its result pages: a small generated corpus, not N stories.
  const sample = await lakeWith(work, syntheticTestimonies(60))
  const sampleOut = join(work, 'sample')
  const sampleReport = await buildSite({ client: sample.client, outDir: sampleOut, today, quiet: true })
  qualities.push({ site: `seed + 60 generated (${sampleReport.stories} stories)`, ...(await khmerSearchQuality(sampleOut, sample.client)) })
  await sample.close()
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
      'gzip KB to first results': kb(search.bytes),
      files: search.files,
      'gzip KB in all': kb(search.allBytes),
      results: search.results,
      'budget KB': 150,
    })
  }
  printTable('Bytes fetched for a first search (seed)', searches)
  printTable('Khmer search quality: every real word, two words typed as one, misspelt words (none should be found)', qualities)
  results.seed = { report: seedReport, weights, searches, qualities }

  console.log(`\nBuilding ${count} synthetic bilingual testimonies (about 750 words per language)…`)
  const synthetic = await lakeWith(work, syntheticTestimonies(count))
  const oursOut = join(work, 'ours')
  const ours = await buildSite({ client: synthetic.client, outDir: oursOut, today, quiet: true })
  const oursIndex = indexSize(oursOut)
  const largeSearch = await firstSearch(oursOut, 'km', 'សែសិប')
  const bareOut = join(work, 'bare')
  // The seed's public content (its photograph served by this lake), the synthetic stories made without it.
  const { content: loaded } = await loadSiteContent({ client: synthetic.client, today })
  const seedContent = { ...loaded, stories: loaded.stories.filter((story) => !story.slug.startsWith('synthetic-')) }
  const bare = await bareBuild(bareContent(seedContent, count), bareOut)
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
      build: `bare: the same ${bare.pages} pages, plain Pagefind`,
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
      'gzip KB to first results': kb(largeSearch.bytes),
      files: largeSearch.files,
      'gzip KB in all': kb(largeSearch.allBytes),
      results: largeSearch.results,
      'budget KB': 150,
    },
    {
      search: 'bare: km "សែសិប"',
      'gzip KB to first results': kb(bareSearch.bytes),
      files: bareSearch.files,
      'gzip KB in all': kb(bareSearch.allBytes),
      results: bareSearch.results,
      'budget KB': 150,
    },
  ])
  results.synthetic = { ours, bare, oursIndex, bareIndex, largeSearch, bareSearch, builds }
  console.log(`\nResults: ${saveResults('site', results)}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
