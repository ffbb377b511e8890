// The content loader, the last consent gate: it reads as of the day it is given, sends removed stories
// to the neutral page with the right reason, and the backend is chosen from a checked environment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { importDocuments } from '../../lake/index.ts'
import { seedArchivePath } from '../../seed/index.ts'
import { loadSiteContent, readSiteEnvironment, siteBackend } from '../../site/index.ts'
import { readPublicStories } from '../../site/content/publicStoryReads.ts'
import { startLake, type LakeHarness } from '../lake/lakeHarness.ts'
import { heldSlug, heldStory } from './heldStory.ts'
import { withdrawnSeedStory } from './siteHarness.ts'

let lake: LakeHarness
beforeAll(async () => {
  lake = await startLake({ today: '2026-11-29' })
  const held = heldStory('2026-12-15')
    .map((document) => JSON.stringify(document))
    .join('\n')
  importDocuments(lake.lake.services.datasets.ensure('production'), `${readFileSync(seedArchivePath, 'utf8').trim()}\n${held}`, {
    author: 'seed',
    replace: false,
  })
})
afterAll(async () => {
  await lake.stop()
})

describe('the content loader', () => {
  it('leaves out a story held until a day, without a neutral page, and publishes it on that day', async () => {
    const client = lake.client('publisher')
    const before = await loadSiteContent({ client, today: '2026-12-14' })
    expect(before.content.stories.map((story) => story.slug)).not.toContain(heldSlug)
    expect(before.content.removed.map((removed) => removed.slug)).not.toContain(heldSlug)
    const on = await loadSiteContent({ client, today: '2026-12-15' })
    expect(on.content.stories.map((story) => story.slug)).toContain(heldSlug)
  })

  it('publishes what the consent gate allows on the given day, and gives the rest a neutral page with its reason', async () => {
    const { content, published } = await loadSiteContent({
      client: lake.client('publisher'),
      today: '2026-11-29',
      publishedBefore: [withdrawnSeedStory],
    })
    expect(content.stories.map((story) => story.slug)).toHaveLength(6)
    expect(published.map((entry) => entry.id).sort()).toEqual([
      'testimony-01',
      'testimony-02',
      'testimony-03',
      'testimony-04',
      'testimony-05',
      'testimony-06',
    ])
    expect(content.removed).toEqual([
      { slug: 'the-boatman-who-lost-his-voice', reason: 'unavailable' },
      { slug: withdrawnSeedStory.slug, reason: 'withdrawn' },
    ])
  })

  it('reads the public stories a few at a time by id, the same stories as in one answer', async () => {
    const client = lake.client('publisher')
    const atOnce = await readPublicStories(client, undefined, 1000)
    const byTwos = await readPublicStories(client, undefined, 2)
    expect(atOnce.length).toBeGreaterThan(6)
    expect(byTwos).toEqual(atOnce)
    // A publication's increment and the live site's check ask for their testimonies' stories only.
    expect(await readPublicStories(client, ['testimony-02', 'testimony-01', 'no-such-testimony'], 1)).toEqual(
      atOnce.filter((story) => ['testimony-01', 'testimony-02'].some((id) => JSON.stringify(story).includes(`"testimonyId":"${id}"`))),
    )
  })

  it('reads consent as of the injected day: once every review date has passed, nothing is public', async () => {
    const { content } = await loadSiteContent({ client: lake.client('publisher'), today: '2031-01-01' })
    expect(content.stories).toEqual([])
    // The seven published stories, the one withdrawn before (its public story keeps its address), and
    // the story held until 2026-12-15 (its review date passed too).
    expect(content.removed).toHaveLength(9)
    expect(content.lessons.every((lesson) => lesson.stories.length === 0)).toBe(true)
  })

  it('shows the first name only where its scope is granted', async () => {
    const { content } = await loadSiteContent({ client: lake.client('publisher'), today: '2026-11-29' })
    const forms = Object.fromEntries(content.stories.map((story) => [story.slug, story.form]))
    expect(forms['the-wedding-i-did-not-choose']).toBe('anonymous')
    expect(forms['they-took-my-headscarf-and-my-name']).toBe('firstName')
  })

  it('forgets an address whose testimony has no public story any more (it was erased), even one a build published', async () => {
    const { content } = await loadSiteContent({
      client: lake.client('publisher'),
      today: '2026-11-29',
      publishedBefore: [{ id: 'testimony-erased', slug: 'an-erased-story' }],
    })
    expect(content.removed.map((story) => story.slug)).not.toContain('an-erased-story')
  })
})

describe('the backend', () => {
  it('is the lake by default and hosted Sanity when SANITY_PROJECT_ID is set', () => {
    expect(siteBackend(readSiteEnvironment({})).kind).toBe('lake')
    expect(siteBackend(readSiteEnvironment({ SANITY_PROJECT_ID: 'abc123', SANITY_TOKEN: 't' })).kind).toBe('sanity')
  })

  it('refuses an environment it can not use, with a hint', () => {
    expect(() => readSiteEnvironment({ SANITY_PROJECT_ID: 'Not A Project!' })).toThrow(/SANITY_PROJECT_ID/)
    expect(() => siteBackend(readSiteEnvironment({ SANITY_PROJECT_ID: 'abc123' }))).toThrow(/SANITY_TOKEN/)
    expect(() => readSiteEnvironment({ PROGRAMME_TIME_ZONE: 'Phnom Penh' })).toThrow(/PROGRAMME_TIME_ZONE: "Phnom Penh" is not a time zone/)
  })

  it('reckons today in the programme’s time zone, Phnom Penh unless told otherwise', () => {
    expect(readSiteEnvironment({}).PROGRAMME_TIME_ZONE).toBe('Asia/Phnom_Penh')
    expect(readSiteEnvironment({ PROGRAMME_TIME_ZONE: 'Asia/Bangkok' }).PROGRAMME_TIME_ZONE).toBe('Asia/Bangkok')
  })
})
