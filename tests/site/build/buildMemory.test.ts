// A build reports the memory of Pagefind's indexing process beside its own: the service runs as a
// process of its own, and at 20,000 stories it held about three times the build's memory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments } from '../../../lake/index.ts'
import { seedArchivePath } from '../../../seed/index.ts'
import { buildInChildProcess } from '../../../site/build/buildInChildProcess.ts'
import { startLake, type LakeHarness } from '../../lake/lakeHarness.ts'
import { siteToday } from '../siteHarness.ts'

let lake: LakeHarness
const work = mkdtempSync(join(tmpdir(), 'build-memory-'))
beforeAll(async () => {
  lake = await startLake({ today: siteToday })
  importDocuments(lake.lake.services.datasets.ensure('production'), readFileSync(seedArchivePath, 'utf8'), {
    author: 'seed',
    replace: true,
  })
})
afterAll(async () => {
  await lake.stop()
  rmSync(work, { recursive: true, force: true })
})

describe('a site build’s report', () => {
  it('holds the peak memory of its own process and of Pagefind’s', async () => {
    const report = await buildInChildProcess({
      client: lake.client('publisher', { perspective: 'published' }),
      outDir: join(work, 'site'),
      today: siteToday,
      quiet: true,
    })
    expect(report.peakMegabytes).toBeGreaterThan(50)
    // Pagefind's service is a binary of some megabytes at least, read from /proc on Linux.
    expect(report.indexerPeakMegabytes).toBeGreaterThan(5)
  }, 120_000)
})
