// A site built from a real lake (the seed archive plus a test's own documents) into a temporary
// folder, served on a free port, with Chromium at hand. One per test file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { importDocuments } from '../../lake/index.ts'
import { seedArchivePath } from '../../seed/index.ts'
import { buildSite, type LedgerEntry, type SiteBuildReport } from '../../site/index.ts'
import type { SearchPartSizes } from '../../site/search/searchParts.ts'
import { launchChromium } from '../browserHarness.ts'
import { startLake, type LakeHarness } from '../lake/lakeHarness.ts'
import { serveStatic } from './staticServer.ts'

export const siteToday = '2026-11-29'
/** The seed's withdrawn story, as a previous build would have listed it in the publication ledger. */
export const withdrawnSeedStory: LedgerEntry = { id: 'testimony-09', slug: 'the-wedding-on-the-rice-field-dike' }

export interface SiteHarness {
  lake: LakeHarness
  outDir: string
  report: SiteBuildReport
  url: string
  browser(): Promise<Browser>
  stop(): Promise<void>
}

export async function buildTestSite(
  options: {
    extraDocuments?: ReadonlyArray<Record<string, unknown>>
    /** Runs on the lake after the import and before the build (e.g. to record a withdrawal). */
    prepare?: (lake: LakeHarness) => Promise<void>
    publishedBefore?: ReadonlyArray<LedgerEntry>
    storiesPerPage?: number
    searchParts?: SearchPartSizes
  } = {},
): Promise<SiteHarness> {
  const lake = await startLake({ today: siteToday })
  const dataset = lake.lake.services.datasets.ensure('production')
  const extra = (options.extraDocuments ?? []).map((document) => JSON.stringify(document)).join('\n')
  importDocuments(dataset, `${readFileSync(seedArchivePath, 'utf8').trim()}\n${extra}`, { author: 'test', replace: true })
  await options.prepare?.(lake)
  const work = mkdtempSync(join(tmpdir(), 'site-test-'))
  const outDir = join(work, 'site')
  const report = await buildSite({
    client: lake.client('publisher'),
    outDir,
    today: siteToday,
    publishedBefore: [withdrawnSeedStory, ...(options.publishedBefore ?? [])],
    ...(options.storiesPerPage ? { storiesPerPage: options.storiesPerPage } : {}),
    ...(options.searchParts ? { searchParts: options.searchParts } : {}),
    quiet: true,
  })
  const server = await serveStatic(outDir)
  let browser: Browser | null = null
  return {
    lake,
    outDir,
    report,
    url: server.url,
    async browser() {
      browser ??= await launchChromium()
      return browser
    },
    async stop() {
      await browser?.close()
      await server.close()
      await lake.stop()
      rmSync(work, { recursive: true, force: true })
    },
  }
}
