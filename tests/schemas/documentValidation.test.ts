// Sanity's validator, run outside the Studio against documents in a lake.
import { describe, expect, it } from 'vitest'
import { checkDocumentsInLake } from '../seed/documentsInLake.ts'

describe('validating documents as the Studio does', () => {
  it('finds a public address used twice, a review date before the consent, and spoken consent without a witness', async () => {
    const problems = await checkDocumentsInLake([
      { _id: 'theme-a', _type: 'theme', title: { en: 'A' }, slug: { _type: 'slug', current: 'same' } },
      { _id: 'theme-b', _type: 'theme', title: { en: 'B' }, slug: { _type: 'slug', current: 'same' } },
      {
        _id: 'consent-x',
        _type: 'consentRecord',
        testimony: { _type: 'reference', _ref: 'testimony-x', _weak: true },
        method: 'spokenWitnessed',
        explainedIn: 'km',
        dateGiven: '2026-05-01',
        reviewDate: '2026-04-01',
      },
    ])
    const messages = problems.map((p) => `${p.id} ${p.path}: ${p.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^theme-a slug: .*already in use/i),
        'consent-x reviewDate: The review date must come after the date the consent was given.',
        'consent-x witness: Spoken consent needs the name of its witness.',
      ]),
    )
  })
})
