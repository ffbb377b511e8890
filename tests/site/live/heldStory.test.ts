// A story held until a day (issue 16): the archive publishes it before that day, the live site shows
// nothing of it until then (not even a neutral page), and on that day shows it by itself, because a
// new day rebuilds. The clock is injected: `today` is the day the test says it is.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments } from '../../../lake/index.ts'
import { seedArchivePath } from '../../../seed/index.ts'
import { startLiveSite, type LiveSite } from '../../../site/live/index.ts'
import { startLake, type LakeHarness } from '../../lake/lakeHarness.ts'
import { walkTo } from '../../lake/workflowWalk.ts'
import { heldSlug, heldStory, heldTitle } from '../heldStory.ts'
import { livePage } from './livePages.ts'

const dayBefore = '2026-12-14'
const notBefore = '2026-12-15'
let today = dayBefore
let lake: LakeHarness
let site: LiveSite
let folder: string
const get = (path: string) => livePage(site.port, path)

beforeAll(async () => {
  lake = await startLake({ today: dayBefore })
  importDocuments(lake.lake.services.datasets.ensure('production'), readFileSync(seedArchivePath, 'utf8'), {
    author: 'seed',
    replace: false,
  })
  // Published in the archive the day before, as the Studio would: the lake lets a held story be published.
  const [testimony, consent] = heldStory(notBefore)
  if (!testimony || !consent) throw new Error('the held story has a testimony and a consent record')
  await walkTo('published', {
    client: lake.client('supervisor'),
    userId: 'supervisor-test',
    testimony: { ...testimony, _id: 'testimony-held', _type: 'testimony' },
    consent: { ...consent, _id: 'consent-held', _type: 'consentRecord' },
  })
  folder = mkdtempSync(join(tmpdir(), 'live-held-'))
  site = await startLiveSite({
    client: lake.client('publisher', { perspective: 'published' }),
    folder,
    port: 0,
    today: () => today,
    log: () => {},
    rebuildDelayMs: 500,
    // Asked often, so that the test need not wait a minute for the new day to be noticed.
    dayCheckMs: 200,
  })
}, 180_000)

afterAll(async () => {
  await site?.stop()
  await lake?.stop()
  rmSync(folder, { recursive: true, force: true })
})

describe('a story held until a day, on the live site', () => {
  it('shows nothing of it before its day: no page, no card, no neutral page, not in the sitemap', async () => {
    expect(site.lastBuild()?.published.map((entry) => entry.id)).not.toContain('testimony-held')
    const page = await get(`/en/stories/${heldSlug}/`)
    expect(page.status).toBe(404)
    expect(page.text).toContain('Page not found')
    expect(page.text).not.toContain('removed')
    expect((await get('/en/stories/')).text).not.toContain(heldSlug)
    expect((await get('/sitemap.xml')).text).not.toContain(heldSlug)
  })

  it('shows it on its day by itself, the new day rebuilding the site', async () => {
    today = notBefore
    await expect.poll(async () => (await get(`/en/stories/${heldSlug}/`)).text, { timeout: 150_000, interval: 500 }).toContain(heldTitle)
    expect(site.lastBuild()?.published.map((entry) => entry.id)).toContain('testimony-held')
    expect((await get('/en/stories/')).text).toContain(`data-story="${heldSlug}"`)
    expect((await get('/sitemap.xml')).text).toContain(`/en/stories/${heldSlug}/`)
  }, 180_000)
})
