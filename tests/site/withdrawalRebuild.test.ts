// Withdrawal as it happens: a story is published by one build, its author withdraws, the next build
// (same folder, the publication ledger beside it) leaves only the neutral page at its address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { importDocuments } from '../../lake/index.ts'
import { seedArchivePath } from '../../seed/index.ts'
import { buildSite } from '../../site/index.ts'
import { startLake, type LakeHarness } from '../lake/lakeHarness.ts'
import { siteToday } from './siteHarness.ts'

let lake: LakeHarness
let work: string
beforeAll(async () => {
  lake = await startLake({ today: siteToday })
  importDocuments(lake.lake.services.datasets.ensure('production'), readFileSync(seedArchivePath, 'utf8'), {
    author: 'seed',
    replace: false,
  })
  work = mkdtempSync(join(tmpdir(), 'site-rebuild-'))
})
afterAll(async () => {
  await lake.stop()
  rmSync(work, { recursive: true, force: true })
})

const slug = 'the-wedding-i-did-not-choose'
const fragments = (outDir: string) =>
  readdirSync(join(outDir, 'pagefind', 'fragment')).map((file) =>
    gunzipSync(readFileSync(join(outDir, 'pagefind', 'fragment', file))).toString(),
  )

describe('a withdrawal between two builds', () => {
  it('replaces the story by the neutral page at the next build, and drops it from search and the sitemap', async () => {
    const outDir = join(work, 'site')
    const build = () => buildSite({ client: lake.client('publisher'), outDir, today: siteToday, quiet: true })
    await build()
    expect(readFileSync(join(outDir, 'en/stories', slug, 'index.html'), 'utf8')).toContain('The wedding I did not choose')
    expect(existsSync(`${outDir}.published.json`)).toBe(true)

    const withdrawnAt = performance.now()
    await lake
      .client('administrator')
      .patch('consent-01')
      .setIfMissing({ withdrawals: [] })
      .append('withdrawals', [{ _key: 'w1', _type: 'withdrawal', date: siteToday, scopes: ['website', 'teaching'] }])
      .commit()
    const report = await build()
    const removedAfter = Math.round(performance.now() - withdrawnAt)

    const page = readFileSync(join(outDir, 'en/stories', slug, 'index.html'), 'utf8')
    expect(page).toContain('removed at its author')
    expect(page).not.toContain('The wedding I did not choose')
    expect(existsSync(join(outDir, 'en/stories', slug, `${slug}-en.html`))).toBe(false)
    expect(report.sitemap.some((url) => url.includes(slug))).toBe(false)
    expect(fragments(outDir).some((text) => text.includes(slug) || text.includes('The wedding I did not choose'))).toBe(false)
    console.log(`From withdrawal to a rebuilt site without the story: ${removedAfter} ms`)
  })
})
