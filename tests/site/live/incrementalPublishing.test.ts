// A story published while the live site runs is on the site within seconds, from a small build of
// its own: its page, its card on the lists and the home page, the sitemap and a search hit in the
// browser, before any full rebuild has finished; withdrawn in that window, it is gone as fast.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments } from '../../../lake/index.ts'
import { seedArchivePath } from '../../../seed/index.ts'
import { startLiveSite, type LiveSite } from '../../../site/live/index.ts'
import { launchChromium } from '../../browserHarness.ts'
import { startLake, type LakeHarness } from '../../lake/lakeHarness.ts'
import { fixtureWalk, walkTo } from '../../lake/workflowWalk.ts'
import { englishOnlyStory, englishOnlySlug, khmerOnlySlug, khmerOnlyWord, oneLanguageStory } from '../oneLanguageStory.ts'
import { siteToday } from '../siteHarness.ts'
import { cardsIn, ceremonySectionCards, inAddressOrder, livePage, liveSearch } from './livePages.ts'

const marker = 'quillwort'
const lessonMarker = 'sedge'
const lessonPath = '/en/lessons/power-silence-and-speaking-up-in-our-community/'
const slug = `${englishOnlySlug}-${marker}`
const title = 'A story told in English only'
// What an earlier run that crashed left behind, with a story's text: an increment, a build, one
// half-built with its search index beside it, and one moved aside.
const leftBehind = ['added-7', 'build-9', 'build-8.building-process-x1', 'build-8.building-process-x1.search', 'build-6.replaced-1a2b3c4d']
let lake: LakeHarness
let site: LiveSite
let browser: Browser
let folder: string
const logged: string[] = []
const get = (path: string) => livePage(site.port, path)
const cardsOn = async (path: string) => cardsIn((await get(path)).text)

const search = (page: Page, query: string, language: 'en' | 'km' = 'en') => liveSearch(page, site.port, query, language)

/** She withdraws from the website and teaching (recorded by her supervisor); her story's page says so within 5 s. */
async function withdraw(consentId: string, storySlug: string) {
  await lake
    .client('supervisor')
    .patch(consentId)
    .setIfMissing({ withdrawals: [] })
    .append('withdrawals', [{ _key: `withdrawn-${storySlug}`, date: siteToday, method: 'phone', scopes: ['website', 'teaching'] }])
    .commit()
  await expect
    .poll(async () => (await get(`/en/stories/${storySlug}/`)).text, { timeout: 5_000, interval: 100 })
    .toContain('removed at its author')
}

/** Through review and her approval to the Studio's Publish, as the lake allows. */
const publish = (story: Array<Record<string, unknown>>) => walkTo('published', fixtureWalk(lake.client('administrator'), story))

beforeAll(async () => {
  lake = await startLake({ today: siteToday })
  importDocuments(lake.lake.services.datasets.ensure('production'), readFileSync(seedArchivePath, 'utf8'), {
    author: 'seed',
    replace: false,
  })
  folder = mkdtempSync(join(tmpdir(), 'live-increment-'))
  for (const left of leftBehind) {
    mkdirSync(join(folder, left, 'en', 'stories', 'left-behind'), { recursive: true })
    writeFileSync(join(folder, left, 'en', 'stories', 'left-behind', 'index.html'), 'A story withdrawn while the site was down')
  }
  site = await startLiveSite({
    client: lake.client('publisher', { perspective: 'published' }),
    folder,
    port: 0,
    today: () => siteToday,
    log: (line) => logged.push(line),
    // No full rebuild starts while the test runs: what it sees is the increment's.
    rebuildDelayMs: 600_000,
  })
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
  await lake?.stop()
  rmSync(folder, { recursive: true, force: true })
})

describe('publishing while the live site runs', () => {
  it('shows the story, its cards, its sitemap entry and a search hit before any full rebuild', async () => {
    const firstBuild = site.lastBuild()
    expect(readdirSync(folder).filter((name) => leftBehind.includes(name))).toEqual([])
    const listBefore = await cardsOn('/en/stories/')
    expect(listBefore).not.toContain(slug)
    await publish(englishOnlyStory(marker))
    await expect.poll(async () => (await get(`/en/stories/${slug}/`)).status, { timeout: 60_000, interval: 200 }).toBe(200)
    expect(site.lastBuild()).toBe(firstBuild)
    expect(site.addedNow()).toEqual([slug])
    expect((await get(`/en/stories/${slug}/`)).text).toContain(title)
    expect((await get(`/en/stories/${slug}/reading/`)).text).toContain(marker)
    expect((await get(`/en/stories/${slug}/${slug}-en.html`)).text).toContain(marker)
    // Its card where its address falls among the others', on every list it belongs to, and on the home page.
    const list = await cardsOn('/en/stories/')
    expect(list).toEqual(inAddressOrder([...listBefore, slug]).slice(0, list.length))
    expect(list).toContain(slug)
    expect(await cardsOn('/en/languages/en/')).toContain(slug)
    expect(await cardsOn('/km/languages/en/')).toContain(slug)
    expect(await cardsOn('/en/')).toContain(slug)
    expect((await cardsOn('/en/')).length).toBe(6)
    expect((await get('/sitemap.xml')).text).toContain(`/en/stories/${slug}/</loc>`)
    // Her text is in English only: her small index is merged by the English search page only.
    expect(JSON.parse((await get('/pagefind/additions.json')).text)).toEqual({ en: [`/pagefind-additions/${slug}/`] })
    expect((await get(`/pagefind-additions/${slug}/pagefind-entry.json`)).status).toBe(200)
    // Found in the browser, through its own small index merged into the site's.
    const page = await browser.newPage()
    expect(await search(page, marker)).toContain(`/en/stories/${slug}/`)
    // An older story is still found, from the site's own index.
    expect((await search(page, 'shackled')).length).toBeGreaterThan(0)
    // Not from the Khmer search page: Pagefind would answer it from her English-only index if it merged it.
    expect(await search(page, marker, 'km')).toEqual([])
    await page.close()
    expect(logged.some((line) => line.startsWith(`A story was published on the site (${slug})`))).toBe(true)
    expect(site.lastBuild()).toBe(firstBuild)
  }, 120_000)

  it('takes it off within seconds when she withdraws in that window, before any full rebuild', async () => {
    const firstBuild = site.lastBuild()
    const [, consent] = englishOnlyStory(marker)
    const withdrawnAt = Date.now()
    await withdraw(String(consent?._id), slug)
    expect((Date.now() - withdrawnAt) / 1000).toBeLessThan(5)
    expect((await get(`/en/stories/${slug}/`)).text).not.toContain(title)
    expect((await get(`/en/stories/${slug}/reading/`)).text).not.toContain(marker)
    expect((await get(`/en/stories/${slug}/${slug}-en.html`)).text).not.toContain(marker)
    expect(await cardsOn('/en/stories/')).not.toContain(slug)
    expect(await cardsOn('/en/')).not.toContain(slug)
    expect((await get('/sitemap.xml')).text).not.toContain(slug)
    expect(JSON.parse((await get('/pagefind/additions.json')).text)).toEqual({})
    expect((await get(`/pagefind-additions/${slug}/pagefind-entry.json`)).status).toBe(404)
    const page = await browser.newPage()
    expect(await search(page, marker)).toEqual([])
    await page.close()
    expect(site.lastBuild()).toBe(firstBuild)
  }, 60_000)

  it('finds a story published in Khmer by a word of its text, on the Khmer search page, before any full rebuild', async () => {
    const firstBuild = site.lastBuild()
    const khmerSlug = `${khmerOnlySlug}-${marker}`
    await publish(oneLanguageStory('km', marker))
    await expect.poll(async () => (await get(`/km/stories/${khmerSlug}/`)).status, { timeout: 60_000, interval: 200 }).toBe(200)
    expect(await cardsOn('/km/stories/')).toContain(khmerSlug)
    expect(await cardsOn('/km/languages/km/')).toContain(khmerSlug)
    const page = await browser.newPage()
    // The word as a reader types it, and its first syllables only, as Pagefind matches a prefix.
    expect(await search(page, khmerOnlyWord, 'km')).toContain(`/km/stories/${khmerSlug}/`)
    expect(await search(page, 'ទន្', 'km')).toContain(`/km/stories/${khmerSlug}/`)
    await page.close()
    expect(site.lastBuild()).toBe(firstBuild)
  }, 120_000)

  it('puts its card in its ceremony’s section and in a lesson’s own order, and takes them off when she withdraws', async () => {
    const firstBuild = site.lastBuild()
    const [testimony, consent] = englishOnlyStory(lessonMarker)
    const read = `${englishOnlySlug}-${lessonMarker}`
    const ceremonyCards = async () => ceremonySectionCards((await get('/en/ceremonies/')).text, 'ceremony-02')
    const sectionBefore = await ceremonyCards()
    const lessonBefore = await cardsOn(lessonPath)
    expect(lessonBefore).toEqual(['i-was-one-of-them-and-i-was-harmed-by-them', 'for-my-granddaughter'])
    // Read at the second ceremony; her consent allows teaching; the lesson names her between its two stories.
    await lake
      .client('administrator')
      .patch('lesson-03')
      .insert('after', 'testimonies[0]', [{ _type: 'reference', _ref: String(testimony?._id), _key: 'added', _weak: true }])
      .commit()
    await publish([
      { ...testimony, ceremony: { _type: 'reference', _ref: 'ceremony-02' } },
      { ...consent, scopes: ['ceremonyReading', 'website', 'teaching'] },
    ])
    await expect.poll(async () => (await get(`/en/stories/${read}/`)).status, { timeout: 60_000, interval: 200 }).toBe(200)
    expect(await ceremonyCards()).toEqual(inAddressOrder([...sectionBefore, read]))
    expect(await cardsOn(lessonPath)).toEqual(['i-was-one-of-them-and-i-was-harmed-by-them', read, 'for-my-granddaughter'])
    // No other ceremony shows it.
    expect((await cardsOn('/en/ceremonies/')).filter((shown) => shown === read)).toHaveLength(1)
    expect(site.lastBuild()).toBe(firstBuild)

    await withdraw(String(consent?._id), read)
    expect(await ceremonyCards()).toEqual(sectionBefore)
    expect(await cardsOn(lessonPath)).toEqual(lessonBefore)
    expect(site.lastBuild()).toBe(firstBuild)
  }, 120_000)
})
