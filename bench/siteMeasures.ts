// What the site benchmarks measure, shared by `bench:site` and `bench`: a lake holding the seed and
// synthetic testimonies, a reader's first search in Chromium, the quality of Khmer search and the
// search index's size.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { importDocuments, openLake, serveLake, throwawayKey } from '../lake/index.ts'
import { lakeClient } from '../wire/index.ts'
import { seedArchivePath } from '../seed/index.ts'
import { inSearchIndex, loadSiteContent, searchRecords } from '../site/index.ts'
import { launchChromium } from '../tests/browserHarness.ts'
import { serveStatic } from '../tests/site/staticServer.ts'
import { measureKhmerSearch } from '../tests/site/searchQuality.ts'

export const benchToday = '2026-11-29'
export const kb = (bytes: number) => Math.round(bytes / 102.4) / 10

export async function lakeWith(work: string, extra: Array<Record<string, unknown>>) {
  const dataDir = mkdtempSync(join(work, 'lake-'))
  const lake = openLake({
    dataDir,
    key: throwawayKey(dataDir),
    log: () => {},
    clock: { now: () => new Date(`${benchToday}T12:00:00Z`) },
  })
  const dataset = lake.services.datasets.ensure('production')
  importDocuments(dataset, readFileSync(seedArchivePath, 'utf8'), { author: 'bench', replace: true })
  // In parts: one import is one transaction, and the lake refuses one too large to log (importTransactionBytes).
  for (let start = 0; start < extra.length; start += 2_000)
    importDocuments(
      dataset,
      extra
        .slice(start, start + 2_000)
        .map((document) => JSON.stringify(document))
        .join('\n'),
      {
        author: 'bench',
        replace: true,
      },
    )
  const { token } = lake.services.tokens.create({ name: 'Bench', role: 'publisher', now: new Date() })
  const server = await serveLake(lake, 0)
  return {
    lake,
    port: server.port,
    client: lakeClient({ port: server.port, token, perspective: 'published' }),
    close: async () => {
      await server.close()
      lake.close()
    },
  }
}

export const gzipped = (bytes: Buffer) => (bytes[0] === 0x1f && bytes[1] === 0x8b ? bytes.length : gzipSync(bytes).length)
export const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  )

/** Searches as a reader would: the site's search page, or (for the bare baseline) Pagefind's API on a story page. */
export async function firstSearch(outDir: string, lang: 'km' | 'en', query: string, on: 'search page' | 'api' = 'search page') {
  const server = await serveStatic(outDir)
  const browser = await launchChromium()
  const page = await browser.newPage()
  const fetched: string[] = []
  page.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname))
  let results = 0
  let toFirstResults: number | null = null
  if (on === 'search page') {
    await page.goto(`${server.url}/${lang}/search/?q=${encodeURIComponent(query)}`)
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '') !== '')
    // What the reader waited for before seeing results; the search across words goes on after.
    toFirstResults = fetched.length
    await page.waitForFunction((typed) => document.getElementById('search-results')?.dataset.query === typed, query)
    await page.waitForLoadState('networkidle')
    results = await page.$$eval('#search-results li', (items) => items.length)
  } else {
    await page.goto(`${server.url}/${lang}/stories/synthetic-story-0/`)
    results = await page.evaluate(async (q) => {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the page's pagefind.js ships no types; PagefindApi is its documented API
      const api: PagefindApi = await import(new URL('/pagefind/pagefind.js', location.href).href)
      await api.options({ noWorker: true })
      const search = await api.search(q)
      await Promise.all(search.results.slice(0, 5).map((result) => result.data()))
      return search.results.length
    }, query)
  }
  await browser.close()
  await server.close()
  const searchBytes = (paths: ReadonlyArray<string>) => {
    const searchFiles = paths.filter(inSearchIndex)
    const sizes = searchFiles.map((path) => ({ path, bytes: gzipped(readFileSync(join(outDir, decodeURIComponent(path)))) }))
    return { bytes: sizes.reduce((sum, file) => sum + file.bytes, 0), files: searchFiles.length, sizes }
  }
  const all = searchBytes(fetched)
  const first = searchBytes(fetched.slice(0, toFirstResults ?? fetched.length))
  const largest = all.sizes.map((file) => `${file.path.replace('/pagefind/', '')} ${kb(file.bytes)}`).join(', ')
  /** `bytes`: fetched before the first results show; `allBytes`: also for the search across words after. */
  return { bytes: first.bytes, files: first.files, allBytes: all.bytes, allFiles: all.files, results, largest }
}

/** Khmer search measured over a built site's public texts (tests/site/searchQuality.ts), as a table row. */
export async function khmerSearchQuality(outDir: string, client: ReturnType<typeof lakeClient>) {
  const { content } = await loadSiteContent({ client, today: benchToday })
  const server = await serveStatic(outDir)
  const browser = await launchChromium()
  try {
    const quality = await measureKhmerSearch({ siteUrl: server.url, records: searchRecords(content), browser })
    const percent = (part: { pages: number; found: number }) => Math.round((1000 * part.found) / Math.max(1, part.pages)) / 10
    return {
      'real words': quality.words.queries,
      'word recall %': percent(quality.words),
      'two words typed as one': quality.spans.queries,
      'their recall %': percent(quality.spans),
      'misspelt words': quality.misspelt.queries,
      'misspelt with results': quality.misspelt.withResults,
      'result pages': quality.results,
      'pages lacking the query (Pagefind / shown)': `${quality.wrongPages.pagefind} / ${quality.wrongPages.shown}`,
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

export function indexSize(outDir: string) {
  const all = files(join(outDir, 'pagefind'))
  return { files: all.length, megabytes: Math.round(all.reduce((sum, file) => sum + statSync(file).size, 0) / 1e5) / 10 }
}

/** The part of Pagefind's browser API (pagefind.js) the measure uses. */
interface PagefindApi {
  options(options: { noWorker: boolean }): Promise<void>
  search(query: string): Promise<{ results: Array<{ data: () => Promise<unknown> }> }>
}
