// A build writes a public story's text into its output only: the pages read it through Astro's live
// collections, so there is no data store of the content, in the build's own working folder or
// anywhere else (site/.astro, site/node_modules/.astro, the checkout's node_modules/.astro or
// .astro, the temporary folder the build was given). (The dev server: tests/scripts/siteDev.test.ts.)
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments } from '../../../lake/index.ts'
import { seedArchivePath } from '../../../seed/index.ts'
import { buildsRoot, ownBuildFolder } from '../../../site/build/buildFolders.ts'
import { buildInChildProcess } from '../../../site/build/buildInChildProcess.ts'
import { buildSite } from '../../../site/index.ts'
import { startLake, type LakeHarness } from '../../lake/lakeHarness.ts'
import { englishOnlyStory } from '../oneLanguageStory.ts'
import { siteToday } from '../siteHarness.ts'

const marker = `store${randomUUID().slice(0, 8)}`
const checkout = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url))
const sharedCaches = ['site/.astro', 'site/node_modules', 'node_modules/.astro', 'node_modules/.vite', '.astro'].map(checkout)

/** Every file under these folders, skipping none. */
function filesUnder(folders: ReadonlyArray<string>): string[] {
  const found: string[] = []
  const walk = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) return readdirSync(path).forEach((entry) => walk(join(path, entry)))
    found.push(path)
  }
  folders.forEach(walk)
  return found
}
const holdingMarker = (files: ReadonlyArray<string>) => files.filter((file) => readFileSync(file).includes(marker))

let lake: LakeHarness
const work = mkdtempSync(join(tmpdir(), 'content-store-'))
// The build's temporary folder is the test's own, so that all of it can be searched.
const buildTmp = join(work, 'tmp')
const tmpBefore = process.env.TMPDIR
beforeAll(async () => {
  lake = await startLake({ today: siteToday })
  const story = englishOnlyStory(marker)
    .map((document) => JSON.stringify(document))
    .join('\n')
  importDocuments(lake.lake.services.datasets.ensure('production'), `${readFileSync(seedArchivePath, 'utf8').trim()}\n${story}`, {
    author: 'test',
    replace: true,
  })
  mkdirSync(buildTmp)
  process.env.TMPDIR = buildTmp
})
afterAll(async () => {
  if (tmpBefore === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = tmpBefore
  await lake.stop()
  rmSync(work, { recursive: true, force: true })
})

/** The files that hold the story, outside the output folder and its ledger. */
const leftBehind = () => holdingMarker(filesUnder([buildsRoot, ...sharedCaches, buildTmp]))

describe("a public story's text during a build", () => {
  it('is in no file of the build’s own folder, nor elsewhere outside the output', async () => {
    const workDir = ownBuildFolder('build')
    const outDir = join(work, 'in-process', 'site')
    try {
      const report = await buildSite({ client: lake.client('publisher'), outDir, today: siteToday, workDir, quiet: true })
      expect(report.published.map((entry) => entry.slug)).toContain(`a-story-told-in-english-only-${marker}`)
      // Built and not yet removed, the build's own folder holds no copy of her text (no data store, no chunk).
      expect(filesUnder([workDir]).length).toBeGreaterThan(0)
      expect(holdingMarker(filesUnder([workDir]))).toEqual([])
    } finally {
      rmSync(workDir, { recursive: true, force: true })
    }
    expect(holdingMarker(filesUnder([join(outDir, 'en', 'stories')])).length).toBeGreaterThan(0)
    expect(leftBehind()).toEqual([])
  }, 120_000)

  it('is left nowhere by a build in a process of its own (npm run build, the live site)', async () => {
    const outDir = join(work, 'child', 'site')
    const report = await buildInChildProcess({
      client: lake.client('publisher', { perspective: 'published' }),
      outDir,
      today: siteToday,
      quiet: true,
    })
    expect(report.published.map((entry) => entry.slug)).toContain(`a-story-told-in-english-only-${marker}`)
    expect(leftBehind()).toEqual([])
  }, 120_000)
})
