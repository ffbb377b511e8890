// A therapist's Publish in the real Studio reaches the live site within seconds, before any full
// rebuild: the story's page, its card in its ceremony's section and in a lesson that names it; and,
// when she corrects the story at a later read-back, the corrected text in their place.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments } from '../../lake/index.ts'
import { seedArchivePath } from '../../seed/index.ts'
import { startLiveSite, type LiveSite } from '../../site/live/index.ts'
import { walkTo } from '../lake/workflowWalk.ts'
import { cardsIn, ceremonySectionCards, inAddressOrder, livePage } from '../site/live/livePages.ts'
import { englishOnlySlug, oneLanguageStory } from '../site/oneLanguageStory.ts'
import { siteToday } from '../site/siteHarness.ts'
import { openEditor, signIn, startStudioOnLake, type StudioHarness } from './studioHarness.ts'

const marker = 'bulrush'
const slug = `${englishOnlySlug}-${marker}`
const lessonPath = '/en/lessons/power-silence-and-speaking-up-in-our-community/'
let studio: StudioHarness
let site: LiveSite
let folder: string

const get = (path: string) => livePage(site.port, path)
const lessonCards = ['i-was-one-of-them-and-i-was-harmed-by-them', slug, 'for-my-granddaughter']

/** Her own case, as the therapist who signs in wrote it down: read at the second ceremony, her consent allowing teaching. */
function herCase([story, storyConsent]: Array<Record<string, unknown>>) {
  return {
    testimony: {
      ...story,
      _id: String(story?._id),
      _type: 'testimony',
      therapist: 'therapist-sophea',
      ceremony: { _type: 'reference', _ref: 'ceremony-02' },
    },
    consent: {
      ...storyConsent,
      _id: String(storyConsent?._id),
      _type: 'consentRecord',
      therapist: 'therapist-sophea',
      scopes: ['ceremonyReading', 'website', 'teaching'],
    },
  }
}

/** The therapist signs in, opens the testimony and clicks Publish. */
async function publishInStudio(testimonyId: string) {
  const page = await studio.browser.newPage()
  await signIn(page, studio.lake.tokens.therapist)
  await openEditor(page, testimonyId, 'testimony')
  const publish = page.locator('[data-testid="action-publish"]')
  await expect.poll(() => publish.isEnabled(), { timeout: 60_000 }).toBe(true)
  await publish.click()
  return page
}
const ceremonyCards = async () => ceremonySectionCards((await get('/en/ceremonies/')).text, 'ceremony-02')

beforeAll(async () => {
  studio = await startStudioOnLake({ today: siteToday })
  importDocuments(studio.lake.lake.services.datasets.get('production'), readFileSync(seedArchivePath, 'utf8'), {
    author: 'seed',
    replace: true,
  })
  folder = mkdtempSync(join(tmpdir(), 'studio-live-'))
  site = await startLiveSite({
    client: studio.lake.client('publisher', { perspective: 'published' }),
    folder,
    port: 0,
    today: () => siteToday,
    log: () => {},
    // No full rebuild starts while the test runs: what it sees comes from the Publish's increment.
    rebuildDelayMs: 600_000,
  })
}, 240_000)

afterAll(async () => {
  await site?.stop()
  await studio?.stop()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

describe('a therapist publishing in the Studio while the live site runs', () => {
  it('shows the story, its card in its ceremony’s section and in the lesson naming it, before any full rebuild', async () => {
    const { lake } = studio
    const firstBuild = site.lastBuild()
    const sectionBefore = await ceremonyCards()
    const { testimony, consent } = herCase(oneLanguageStory('en', marker))
    await lake
      .client('administrator')
      .patch('lesson-03')
      .insert('after', 'testimonies[0]', [{ _type: 'reference', _ref: testimony._id, _key: 'added', _weak: true }])
      .commit()
    // Written down, passed by her supervisor, read back and approved with her consent: ready to publish.
    await walkTo('approved', { client: lake.client('administrator'), userId: 'admin-test', testimony, consent })
    expect((await get(`/en/stories/${slug}/`)).status).toBe(404)

    const page = await publishInStudio(testimony._id)
    await expect.poll(async () => (await get(`/en/stories/${slug}/`)).status, { timeout: 60_000, interval: 200 }).toBe(200)
    expect((await get(`/en/stories/${slug}/`)).text).toContain('A story told in English only')
    expect(await ceremonyCards()).toEqual(inAddressOrder([...sectionBefore, slug]))
    expect(cardsIn((await get(lessonPath)).text)).toEqual(lessonCards)
    expect(site.lastBuild()).toBe(firstBuild)
    // The Studio says it is published, and the lake holds it so.
    expect((await lake.client('administrator').getDocument(testimony._id))?.workflowState).toBe('published')
    await page.close()
  }, 240_000)

  it('shows her corrected text in its place when the therapist publishes her correction, before any full rebuild', async () => {
    const { lake } = studio
    const firstBuild = site.lastBuild()
    const sectionBefore = await ceremonyCards()
    const corrected = 'This fictional story exists in English only, as she corrected it at a second read-back.'
    const { testimony, consent } = herCase(oneLanguageStory('en', marker, { text: corrected, dateGiven: '2026-11-28' }))
    // The edit sends it back to be read to her; her supervisor passes it, she approves it: the earlier text goes.
    const walk = { client: lake.client('administrator'), userId: 'admin-test', testimony, consent }
    await walkTo('drafting', walk)
    await walkTo('approved', { ...walk, from: 'readyForReadBack' })
    await expect
      .poll(async () => (await get(`/en/stories/${slug}/`)).text, { timeout: 5_000, interval: 100 })
      .toContain('no longer available')

    const page = await publishInStudio(testimony._id)
    await expect.poll(async () => (await get(`/en/stories/${slug}/`)).text, { timeout: 60_000, interval: 200 }).toContain(corrected)
    expect((await get(`/en/stories/${slug}/reading/`)).text).toContain(corrected)
    expect((await get(`/en/stories/${slug}/`)).text).not.toContain(`English only. ${marker}`)
    expect(await ceremonyCards()).toEqual(sectionBefore)
    expect(cardsIn((await get(lessonPath)).text)).toEqual(lessonCards)
    expect(site.addedNow()).toEqual([slug])
    expect(site.lastBuild()).toBe(firstBuild)
    await page.close()
  }, 240_000)
})
