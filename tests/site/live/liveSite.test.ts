// The live site follows a withdrawal without anyone running a build: within seconds the story's
// address shows the neutral page, its card leaves the lists, its search fragments are refused and
// the sitemap drops it; the background rebuild then makes the same true of the files.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments } from '../../../lake/index.ts'
import { seedArchivePath } from '../../../seed/index.ts'
import { startLiveSite, type LiveSite } from '../../../site/live/index.ts'
import { startLake, type LakeHarness } from '../../lake/lakeHarness.ts'
import { textHash } from '../../../core/index.ts'
import { fixtureWalk, walkTo } from '../../lake/workflowWalk.ts'
import { englishOnlySlug, englishOnlyStory } from '../oneLanguageStory.ts'
import { siteToday } from '../siteHarness.ts'
import { livePage } from './livePages.ts'

let lake: LakeHarness
let site: LiveSite
let folder: string
const logged: string[] = []
const slug = 'the-wedding-i-did-not-choose'
const get = (path: string) => livePage(site.port, path)

beforeAll(async () => {
  lake = await startLake({ today: siteToday })
  importDocuments(lake.lake.services.datasets.ensure('production'), readFileSync(seedArchivePath, 'utf8'), {
    author: 'seed',
    replace: false,
  })
  folder = mkdtempSync(join(tmpdir(), 'live-site-'))
  site = await startLiveSite({
    client: lake.client('publisher', { perspective: 'published' }),
    folder,
    port: 0,
    today: () => siteToday,
    log: (line) => logged.push(line),
    // Long enough that what is seen right after a withdrawal is the fast path, not the rebuild.
    rebuildDelayMs: 3_000,
  })
}, 180_000)

afterAll(async () => {
  await site?.stop()
  await lake?.stop()
  rmSync(folder, { recursive: true, force: true })
})

describe('the live site', () => {
  it('takes a withdrawn story off its page, the lists, the search and the sitemap within seconds, then rebuilds', async () => {
    const story = await get(`/en/stories/${slug}/`)
    expect(story.text).toContain('The wedding I did not choose')
    expect((await get('/en/stories/')).text).toContain(`data-story="${slug}"`)
    const [fragment] = site.lastBuild()?.builtStories[slug]?.fragments ?? []
    if (!fragment) throw new Error('the first build indexed no fragment for the story')
    expect((await get(`/pagefind/fragment/${fragment}`)).status).toBe(200)
    expect((await get('/sitemap.xml')).text).toContain(`/stories/${slug}/`)
    expect((await get(`/en/stories/${slug}/reading/`)).text).toContain('The wedding I did not choose')

    const withdrawnAt = Date.now()
    await lake
      .client('supervisor')
      .patch('consent-01')
      .setIfMissing({ withdrawals: [] })
      .append('withdrawals', [
        {
          _key: 'live',
          date: siteToday,
          method: 'phone',
          scopes: ['ceremonyReading', 'website', 'firstName', 'teaching', 'research', 'eccc'],
        },
      ])
      .commit()
    await expect
      .poll(async () => (await get(`/en/stories/${slug}/`)).text, { timeout: 5_000, interval: 100 })
      .toContain('removed at its author')
    const seconds = (Date.now() - withdrawnAt) / 1000
    expect(seconds).toBeLessThan(5)
    expect(site.withdrawnNow()).toEqual([slug])
    const page = (await get(`/en/stories/${slug}/`)).text
    expect(page).not.toContain('The wedding I did not choose')
    expect((await get(`/km/stories/${slug}/reading/`)).text).not.toContain('The wedding I did not choose')
    expect((await get(`/en/stories/${slug}/reading/`)).text).not.toContain('The wedding I did not choose')
    expect((await get('/en/stories/')).text).not.toContain(`data-story="${slug}"`)
    expect((await get(`/pagefind/fragment/${fragment}`)).status).toBe(404)
    expect((await get('/sitemap.xml')).text).not.toContain(`/stories/${slug}/`)

    await site.settled()
    expect(site.withdrawnNow()).toEqual([])
    expect((await get(`/en/stories/${slug}/`)).text).toContain('removed at its author')
    expect((await get('/en/stories/')).text).not.toContain(`data-story="${slug}"`)
    expect((await get('/sitemap.xml')).text).not.toContain(`/stories/${slug}/`)
  }, 240_000)

  it('publishes a newly approved story, on its page, in the lists and in the sitemap, and the rebuild keeps it there', async () => {
    expect((await get(`/en/stories/${englishOnlySlug}/`)).status).toBe(404)
    // Through review and her approval, as the lake allows; only the last step makes it public.
    await walkTo('published', fixtureWalk(lake.client('administrator'), englishOnlyStory()))
    await expect.poll(async () => (await get(`/en/stories/${englishOnlySlug}/`)).status, { timeout: 120_000, interval: 500 }).toBe(200)
    await site.settled()
    expect((await get(`/en/stories/${englishOnlySlug}/`)).text).toContain('A story told in English only')
    expect((await get('/en/stories/')).text).toContain(`data-story="${englishOnlySlug}"`)
    expect((await get('/sitemap.xml')).text).toContain(`/en/stories/${englishOnlySlug}/`)
    // Shown first from its increment, now from the full build: the increment's folder is gone.
    expect(site.lastBuild()?.builtStories[englishOnlySlug]).toBeDefined()
    expect(site.addedNow()).toEqual([])
    expect(readdirSync(folder).filter((name) => name.startsWith('added-'))).toEqual([])
  }, 240_000)

  it('keeps the first story at an address two testimonies share, and says so once, not on every rebuild', async () => {
    const clash = `Two testimonies share the address "${englishOnlySlug}"`
    const told = () => logged.filter((line) => line.startsWith('A story is left out of the site:') && line.includes(clash))
    const twin = fixtureWalk(lake.client('administrator'), englishOnlyStory('twin'))
    await walkTo('published', { ...twin, testimony: { ...twin.testimony, slug: { _type: 'slug', current: englishOnlySlug } } })
    await expect.poll(() => told().length, { timeout: 120_000, interval: 500 }).toBe(1)
    await site.settled()
    // The address still shows the story published there first, never the other one's text.
    expect((await get(`/en/stories/${englishOnlySlug}/`)).text).toContain('This fictional story exists in English only.')
    expect((await get(`/en/stories/${englishOnlySlug}/`)).text).not.toContain('twin')
    expect(site.addedNow()).toEqual([])
    expect(readdirSync(folder).filter((name) => name.startsWith('added-'))).toEqual([])
    // Another change rebuilds the site; the same problem is not said again.
    const before = site.lastBuild()
    await lake.client('administrator').patch('theme-forced-marriage').set({ 'description.en': 'Marriages forced by the regime.' }).commit()
    await expect.poll(() => site.lastBuild() !== before, { timeout: 120_000, interval: 500 }).toBe(true)
    await site.settled()
    expect(told()).toHaveLength(1)
  }, 300_000)

  it('says only that a story is no longer available when her approval is of a corrected text not yet published, never that she withdrew it', async () => {
    const corrected = 'the-prison-beside-the-stream'
    expect((await get('/en/stories/')).text).toContain(`data-story="${corrected}"`)
    // She approved a corrected public text at the read-back; the old one is not what she approves now.
    await lake
      .client('supervisor')
      .patch('consent-02')
      .set({ approvedPublicText: { km: textHash('អត្ថបទដែលបានកែ'), en: textHash('The corrected text') } })
      .commit()
    await expect
      .poll(async () => (await get(`/en/stories/${corrected}/`)).text, { timeout: 5_000, interval: 100 })
      .toContain('no longer available')
    expect(site.withdrawnNow()).toContain(corrected)
    expect((await get(`/en/stories/${corrected}/`)).text).not.toContain('removed at its author')
    expect((await get('/en/stories/')).text).not.toContain(`data-story="${corrected}"`)
    // The rebuild says the same, from its own files.
    await site.settled()
    expect(site.withdrawnNow()).toEqual([])
    expect((await get(`/en/stories/${corrected}/`)).text).toContain('no longer available')
    expect((await get(`/en/stories/${corrected}/`)).text).not.toContain('removed at its author')
  }, 240_000)
})
