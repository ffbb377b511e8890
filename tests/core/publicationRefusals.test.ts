import { describe, expect, it } from 'vitest'
import { publicationRefusals } from '../../core/index.ts'
import { aConsent, aTestimony, today } from './fixtures.ts'

describe('may a testimony be published as it stands', () => {
  it('says yes, with no reason, when every language of the public text is approved', () => {
    const testimony = aTestimony()
    expect(publicationRefusals(testimony, [aConsent(testimony)], today)).toEqual([])
  })

  it('says no when one language changed, even though the site could still show the other', () => {
    const testimony = aTestimony()
    const consent = aConsent(testimony)
    const edited = aTestimony({
      publicVersion: { ...testimony.publicVersion, hopes: { km: testimony.publicVersion?.hopes?.km, en: 'Changed.' } },
    })
    expect(publicationRefusals(edited, [consent], today)).toEqual([
      'The English public (anonymised) version has changed since the survivor approved it on 2026-03-12. Read it back to her again and record a new approval.',
    ])
  })

  it('says no, in Khmer for a Khmer-speaking therapist, when there is no public text at all', () => {
    const testimony = aTestimony({ publicVersion: null })
    expect(publicationRefusals(testimony, [], today, 'km')).toEqual(['កំណែសាធារណៈមិនមានអត្ថបទជាភាសាណាមួយទេ។'])
  })
})
