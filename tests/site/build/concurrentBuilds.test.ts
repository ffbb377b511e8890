// Builds that can not collide: `npm run build` while the live site rebuilds, or two builds from one
// checkout, each with its own working and cache folders. Both finish, each with a whole site.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments } from '../../../lake/index.ts'
import { seedArchivePath } from '../../../seed/index.ts'
import { buildsRoot } from '../../../site/build/buildFolders.ts'
import { buildInChildProcess, startBuildProcess } from '../../../site/build/buildInChildProcess.ts'
import { startLake, type LakeHarness } from '../../lake/lakeHarness.ts'
import { siteToday } from '../siteHarness.ts'

let lake: LakeHarness
const work = mkdtempSync(join(tmpdir(), 'site-builds-'))
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

const build = (outDir: string) =>
  buildInChildProcess({ client: lake.client('publisher', { perspective: 'published' }), outDir, today: siteToday, quiet: true })

const storyPage = (outDir: string) => join(outDir, 'en', 'stories', 'the-wedding-i-did-not-choose', 'index.html')

describe('two site builds at once', () => {
  it('both finish, into two folders or into the same one, leaving whole sites and no working folders behind', async () => {
    const leftBefore = existsSync(buildsRoot) ? readdirSync(buildsRoot) : []
    // Outside the working directory, where Astro puts its pre-rendering chunks in `./.astro/`.
    const [first, second] = [join(work, 'live', 'build-1'), join(work, 'dist', 'site')]
    const reports = await Promise.all([build(first), build(second)])
    expect(reports.map((r) => r.stories)).toEqual([6, 6])
    for (const outDir of [first, second]) expect(existsSync(storyPage(outDir))).toBe(true)

    const same = join(work, 'same', 'site')
    const twice = await Promise.all([build(same), build(same)])
    expect(twice.map((r) => r.stories)).toEqual([6, 6])
    expect(existsSync(storyPage(same))).toBe(true)
    expect(existsSync(join(same, 'pagefind'))).toBe(true)
    // Nothing half-built or swapped out is left beside the output folders.
    expect(readdirSync(join(work, 'same')).sort()).toEqual(['site', 'site.published.json'])
    expect(readdirSync(join(work, 'live')).sort()).toEqual(['build-1', 'build-1.published.json'])
    expect(readdirSync(buildsRoot)).toEqual(leftBefore)
  }, 600_000)

  it('leave no working or half-built folder behind when stopped half-way', async () => {
    const leftBefore = existsSync(buildsRoot) ? readdirSync(buildsRoot) : []
    const stopping = new AbortController()
    const outDir = join(work, 'stopped', 'site')
    const stopped = buildInChildProcess(
      { client: lake.client('publisher', { perspective: 'published' }), outDir, today: siteToday, quiet: true },
      { signal: stopping.signal },
    )
    // Stopped as soon as its process has its working folder, long before a build could finish.
    await expect
      .poll(() => (existsSync(buildsRoot) ? readdirSync(buildsRoot) : []).length, { interval: 10, timeout: 60_000 })
      .toBeGreaterThan(leftBefore.length)
    stopping.abort()
    await expect(stopped).rejects.toThrow()
    expect(readdirSync(buildsRoot)).toEqual(leftBefore)
    expect(existsSync(join(work, 'stopped')) ? readdirSync(join(work, 'stopped')) : []).toEqual([])
  }, 120_000)

  it('leave no search index behind when stopped while Pagefind has written it and Astro still renders', async () => {
    const stopping = new AbortController()
    const outDir = join(work, 'stopped-indexed', 'site')
    const stopped = buildInChildProcess(
      { client: lake.client('publisher', { perspective: 'published' }), outDir, today: siteToday, quiet: true },
      { signal: stopping.signal },
    )
    const indexWritten = () =>
      (existsSync(dirname(outDir)) ? readdirSync(dirname(outDir)) : []).some(
        (name) => name.endsWith('.search') && existsSync(join(dirname(outDir), name, 'pagefind')),
      )
    await expect.poll(indexWritten, { interval: 10, timeout: 60_000 }).toBe(true)
    stopping.abort()
    await expect(stopped).rejects.toThrow()
    // The index holds the stories' words: gone with the rest.
    expect(readdirSync(dirname(outDir))).toEqual([])
  }, 120_000)

  it('leave no folder behind when a process started ahead of a publication is stopped unused, and take one request each', async () => {
    const leftBefore = existsSync(buildsRoot) ? readdirSync(buildsRoot) : []
    const ahead = startBuildProcess()
    expect(ahead.ready()).toBe(true)
    const outDir = join(work, 'ahead', 'site')
    const client = lake.client('publisher', { perspective: 'published' })
    const built = ahead.run({ client, outDir, today: siteToday, quiet: true })
    expect(ahead.ready()).toBe(false)
    await expect(ahead.run({ client, outDir, today: siteToday })).rejects.toThrow('takes one request')
    await built
    expect(readdirSync(outDir)).toContain('sitemap.xml')
    const unused = startBuildProcess()
    await unused.stop()
    expect(unused.ready()).toBe(false)
    expect(readdirSync(buildsRoot)).toEqual(leftBefore)
  }, 120_000)

  it('report the peak memory of their own process and of Pagefind’s (an indexing process of its own)', async () => {
    const report = await build(join(work, 'memory', 'site'))
    expect(report.peakMegabytes).toBeGreaterThan(50)
    // Pagefind's service is a binary of some megabytes at least, read from /proc on Linux.
    expect(report.indexerPeakMegabytes).toBeGreaterThan(5)
  }, 120_000)
})
