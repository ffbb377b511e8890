// The fair baseline of the benchmark: the archive's own pages (site/src, the same Astro settings),
// rendered from content made without the lake or the consent gate (bareContent.ts), then indexed
// by plain Pagefind with its default options: the same pages' texts as custom records, without the
// archive's Khmer word splitting, search tokens, ceremony copies, sitemap, media copy or ledger.
// So the archive's time over this one is what the archive itself adds.
import { join } from 'node:path'
import * as pagefind from 'pagefind'
import { indexerPeakMegabytes, renderSiteContent, searchRecords, type SiteContent } from '../site/index.ts'
import { files } from './siteMeasures.ts'

export interface BareBuild {
  astro: number
  total: number
  /** HTML pages written, to set beside the archive's. */
  pages: number
  /** Pagefind's own process's peak memory (it is not this process's). */
  indexerPeakMegabytes: number
}

export async function bareBuild(content: SiteContent, outDir: string): Promise<BareBuild> {
  const started = performance.now()
  await renderSiteContent({ content, outDir, quiet: true })
  const astroDone = performance.now()
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(`Pagefind could not start for the bare build: ${errors.join('; ')}`)
  // Stories' texts are marked data-pagefind-ignore on their pages (the archive indexes its own records):
  // the bare index takes the same texts as they are, one record per page and language.
  for (const record of searchRecords(content))
    await index.addCustomRecord({ url: record.url, language: record.language, content: record.text, meta: { title: record.title } })
  await index.writeFiles({ outputPath: join(outDir, 'pagefind') })
  const indexerPeak = indexerPeakMegabytes() ?? 0
  await pagefind.close()
  return {
    astro: Math.round(astroDone - started),
    total: Math.round(performance.now() - started),
    pages: htmlPages(outDir),
    indexerPeakMegabytes: indexerPeak,
  }
}

/** The pages Astro wrote into a built site: its HTML files but the one-file ceremony copies (`…/<slug>/<slug>-km.html`). */
export function htmlPages(outDir: string): number {
  const html = files(outDir).filter((file) => file.endsWith('.html') && !file.includes('/pagefind/'))
  return html.filter((file) => !/\/stories\/([a-z0-9-]+)\/\1-(km|en)\.html$/.test(file)).length
}
