// The public story: what publishing writes for the publisher to read (only what the site shows), and
// the site's own check of it, which gives the Studio's answer for every generated consent history.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  projectPublicTestimony,
  publicStoryDocument,
  publicStoryGate,
  publicStoryInputs,
  publicStoryOf,
  type ConsentDocument,
  type PublicUse,
  type TestimonyDocument,
} from '../../core/index.ts'
import { anyConsentHistory, anyTestimonyNow, historyDays } from './consentHistories.ts'
import { aConsent, aTestimony, today } from './fixtures.ts'

const recording = 'file-0123456789abcdef0123456789abcdef01234567-mp3'
const withRecording = (testimony: TestimonyDocument): TestimonyDocument => ({
  ...testimony,
  publicVersion: { ...testimony.publicVersion, recording: { _type: 'file', asset: { _type: 'reference', _ref: recording } } },
})
const storyOf = (testimony: TestimonyDocument | null, consents: ConsentDocument[], previous: object | null = null) =>
  publicStoryOf({ testimonyId: 'testimony-test-1', published: testimony, consents, previous })
const stored = (story: ReturnType<typeof storyOf>) => publicStoryDocument.parse({ ...story, _rev: 'r' })

describe('the public story publishing writes', () => {
  it('holds the public version as her consent allows it, and nothing private', () => {
    const testimony = {
      ...aTestimony(),
      survivor: { _ref: 'survivor-SECRET' },
      therapist: 'therapist-SECRET',
      reviewNotes: [{ note: 'SECRET review note' }],
    }
    const consent = { ...aConsent(testimony), witness: { name: 'SECRET witness' }, method: 'thumbprint', recordedBy: 'SECRET-recorder' }
    const story = storyOf(testimony, [consent])
    expect(story).toMatchObject({ _id: 'publicStory-testimony-test-1', slug: 'a-story-of-the-rice-fields', story: { form: 'anonymous' } })
    const written = JSON.stringify(story)
    for (const secret of ['SECRET', 'Sreyneang', 'Kok Prasat', 'grandchildren', 'Neang', consent.approvedText?.en ?? '?'])
      expect(written).not.toContain(secret)
    expect(written).toContain(consent.approvedPublicText?.en)
  })

  it('names her and carries the recording only with those scopes, and not once she withdraws them', () => {
    const testimony = withRecording(aTestimony())
    const all = aConsent(testimony, { scopes: ['website', 'firstName', 'voiceRecording'] })
    expect(storyOf(testimony, [all])).toMatchObject({ story: { form: 'firstName' }, recording: { asset: { _ref: recording } } })
    const withdrawn = { ...all, withdrawals: [{ date: '2026-11-01', scopes: ['firstName' as const, 'voiceRecording' as const] }] }
    const story = storyOf(testimony, [withdrawn])
    expect(story).toMatchObject({ story: { form: 'anonymous' } })
    expect(story?.recording).toBeUndefined()
    expect(JSON.stringify(story)).not.toContain('Neang')
  })

  it('is not written for a testimony never public, and keeps only its address once it is no longer public', () => {
    const testimony = aTestimony()
    expect(storyOf(testimony, [])).toBeNull()
    expect(storyOf(null, [aConsent(testimony)])).toBeNull()
    const before = storyOf(testimony, [aConsent(testimony)])
    const withdrawn = aConsent(testimony, { withdrawals: [{ date: today, scopes: ['website'] }] })
    const after = storyOf(null, [withdrawn], before)
    expect(after).toEqual({
      _id: 'publicStory-testimony-test-1',
      _type: 'publicStory',
      testimonyId: 'testimony-test-1',
      slug: 'a-story-of-the-rice-fields',
      consents: [expect.objectContaining({ withdrawals: [{ date: today, scopes: ['website'] }] })],
    })
    expect(publicStoryGate({ story: stored(after), use: 'website', today })).toMatchObject({ public: false, withdrawn: true })
  })

  it('is written for a story held until a day, carrying the day, which the site’s check holds it to', () => {
    const testimony = aTestimony()
    const held = aConsent(testimony, { notBefore: '2026-12-24' })
    const story = stored(storyOf(testimony, [held]))
    expect(story).toMatchObject({ slug: 'a-story-of-the-rice-fields', consents: [expect.objectContaining({ notBefore: '2026-12-24' })] })
    expect(publicStoryGate({ story, use: 'website', today: '2026-12-23' })).toMatchObject({
      public: false,
      withdrawn: false,
      reasons: [{ code: 'publicationHeld', notBefore: '2026-12-24' }],
    })
    expect(publicStoryGate({ story, use: 'website', today: '2026-12-24' }).public).toBe(true)
  })
})

describe('the site’s check of a public story', () => {
  it('refuses a story whose shown hash is not the one she approved, or whose consent lapsed since it was written', () => {
    const testimony = aTestimony()
    const story = stored(storyOf(testimony, [aConsent(testimony)]))
    expect(publicStoryGate({ story, use: 'website', today }).public).toBe(true)
    const forged = { ...story, story: { ...story.story, languages: { en: { ...story.story?.languages.en, textHash: 'sha256:00' } } } }
    expect(publicStoryGate({ story: publicStoryDocument.parse(forged), use: 'website', today })).toMatchObject({
      public: false,
      reasons: [expect.objectContaining({ code: 'approvedTextChanged', language: 'en' })],
    })
    expect(publicStoryGate({ story, use: 'website', today: '2027-03-12' })).toMatchObject({
      public: false,
      withdrawn: false,
      reasons: [{ code: 'reviewDatePassed', reviewDate: '2027-03-12' }],
    })
  })

  it('leaves out a public story not well formed, naming it by its id and what is wrong, without its text', () => {
    const testimony = aTestimony()
    const good = stored(storyOf(testimony, [aConsent(testimony)]))
    const broken = { ...good, _id: 'publicStory.testimony-test-2', slug: 42 }
    const { stories, problems } = publicStoryInputs([good, broken])
    expect(stories).toEqual([good])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('(publicStory.testimony-test-2)')
    expect(problems[0]).toContain('slug')
    expect(JSON.stringify(problems)).not.toContain(JSON.stringify(good.story).slice(2, 40))
  })

  it('gives the Studio’s answer, with the same story, for every generated history, use and day', () => {
    const approved = withRecording(aTestimony({ _id: 'testimony-test-1' }))
    const anyCase = fc.record({
      testimony: anyTestimonyNow(approved),
      history: anyConsentHistory(approved),
      use: fc.constantFrom<PublicUse>('website', 'teaching'),
      today: fc.constantFrom(...historyDays, '2027-06-01', '2028-01-02'),
    })
    fc.assert(
      fc.property(anyCase, ({ testimony, history, use, today }) => {
        const consents = history.map((record) => ({ ...record, scopes: [...(record.scopes ?? []), 'voiceRecording' as const] }))
        const studio = projectPublicTestimony({ testimony, consents, use, today, audio: recording })
        const onWebsite = projectPublicTestimony({ testimony, consents, use: 'website', today }).public
        const story = storyOf(testimony, consents)
        const site = story ? publicStoryGate({ story: stored(story), use, today }) : null
        // The site asks about teaching only for the stories on the website (a lesson links to them).
        expect(site?.public ?? false).toBe(studio.public && onWebsite)
        // Teaching is asked only yes or no (a lesson links to the story as the website shows it).
        if (use === 'website' && studio.public && site?.public) expect(site.testimony).toEqual(studio.testimony)
      }),
      { numRuns: 400 },
    )
  })
})
