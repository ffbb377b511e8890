// A published story she corrects at a later read-back: taken off when she approves the corrected
// text, then, once it is published, shown again within seconds from an increment, before any full
// rebuild, with nothing of her earlier text left on the site; withdrawn then, all of it goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { englishOnlySlug, oneLanguageStory } from '../oneLanguageStory.ts'
import { siteToday } from '../siteHarness.ts'
import { cardsIn } from './livePages.ts'
import { expectOnlyHerCorrectedText, startWithPublishedStory, type PublishedStoryHarness } from './publishedStoryHarness.ts'

const marker = 'bulrush'
const slug = `${englishOnlySlug}-${marker}`
const earlier = oneLanguageStory('en', marker)
// Fictional: the words she changed, and one the earlier text did not have.
const correctedText = 'This fictional story exists in English only, as she corrected it at a second read-back. cowslip'
const corrected = oneLanguageStory('en', marker, { text: correctedText, dateGiven: '2026-11-28' })
let harness: PublishedStoryHarness
let earlierFragments: string[] = []

beforeAll(async () => {
  // Published before the site starts: her earlier text is in the full build the site serves. No full
  // rebuild starts while the test runs: what it sees is the fast path's and the increment's.
  harness = await startWithPublishedStory(earlier, { rebuildDelayMs: 600_000 })
}, 180_000)

afterAll(async () => {
  await harness?.stop()
})
const get = (path: string) => harness.get(path)
const search = (query: string) => harness.search(query)
const walk: PublishedStoryHarness['walk'] = (story, from, to) => harness.walk(story, from, to)

describe('a published story she corrects', () => {
  it('is taken off when she approves the corrected text, before it is published', async () => {
    expect((await get(`/en/stories/${slug}/`)).text).toContain(`English only. ${marker}`)
    earlierFragments = harness.site.lastBuild()?.builtStories[slug]?.fragments ?? []
    expect(earlierFragments.length).toBeGreaterThan(0)
    // Edited (an edit of the text she approved sends it back to be read to her), passed by her
    // supervisor, read back and approved with a new consent record.
    await walk(corrected, 'drafting', 'drafting')
    await walk(corrected, 'readyForReadBack', 'approved')
    await expect
      .poll(async () => (await get(`/en/stories/${slug}/`)).text, { timeout: 5_000, interval: 100 })
      .toContain('no longer available')
    expect(harness.site.withdrawnNow()).toEqual([slug])
  }, 60_000)

  it('shows her corrected text once published, in its lists, sitemap and search, before any full rebuild', async () => {
    const firstBuild = harness.site.lastBuild()
    await walk(corrected, 'published', 'published')
    await expect
      .poll(async () => (await get(`/en/stories/${slug}/`)).text, { timeout: 60_000, interval: 200 })
      .toContain('as she corrected it')
    expect(harness.site.lastBuild()).toBe(firstBuild)
    expect(harness.site.withdrawnNow()).toEqual([])
    expect(harness.site.addedNow()).toEqual([slug])
    await expectOnlyHerCorrectedText(harness, {
      slug,
      corrected: 'as she corrected it',
      earlier: `English only. ${marker}`,
      earlierFragments,
      newWord: 'cowslip',
      oldWord: marker,
    })
    expect(harness.site.lastBuild()).toBe(firstBuild)
  }, 120_000)

  it('takes off both her earlier and her corrected text when she then withdraws, within seconds', async () => {
    const firstBuild = harness.site.lastBuild()
    await harness.lake
      .client('supervisor')
      .patch(String(corrected[1]?._id))
      .setIfMissing({ withdrawals: [] })
      .append('withdrawals', [{ _key: 'withdrawn-after-correction', date: siteToday, method: 'phone', scopes: ['website'] }])
      .commit()
    await expect
      .poll(async () => (await get(`/en/stories/${slug}/`)).text, { timeout: 5_000, interval: 100 })
      .toContain('removed at its author')
    expect((await get(`/en/stories/${slug}/reading/`)).text).not.toContain('as she corrected it')
    expect(cardsIn((await get('/en/stories/')).text)).not.toContain(slug)
    expect((await get('/sitemap.xml')).text).not.toContain(slug)
    expect(JSON.parse((await get('/pagefind/additions.json')).text)).toEqual({})
    expect((await get(`/pagefind-additions/${slug}/pagefind-entry.json`)).status).toBe(404)
    for (const fragment of earlierFragments) expect((await get(`/pagefind/fragment/${fragment}`)).status).toBe(404)
    expect(await search('cowslip')).toEqual([])
    expect(await search(marker)).toEqual([])
    expect(harness.site.withdrawnNow()).toEqual([slug])
    expect(harness.site.lastBuild()).toBe(firstBuild)
  }, 60_000)
})
