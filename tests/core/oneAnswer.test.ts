// One answer to "may it be on the website?": the consent report, the Studio's badge and its Publish
// button (both ask publicationRefusals) and the site (projectPublicTestimony) never disagree.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { consentReport, projectPublicTestimony, publicationRefusals } from '../../core/index.ts'
import { anyConsentHistory, anyTestimonyNow } from './consentHistories.ts'
import { aConsent, aTestimony, today } from './fixtures.ts'

const approved = aTestimony()

describe('one answer', () => {
  it('the report says no, with the Publish button’s reason, when the Khmer text is approved and the English changed', () => {
    const consent = aConsent(approved)
    const edited = aTestimony({ publicVersion: { ...approved.publicVersion, hopes: { ...approved.publicVersion?.hopes, en: 'Changed.' } } })
    const [row] = consentReport([edited, consent], today)
    const refusals = publicationRefusals(edited, [consent], today)
    expect(refusals).toHaveLength(1)
    expect(row?.website).toEqual({ public: false, reasons: refusals })
  })

  it('the report, the badge and the Publish button agree on generated histories, and the report’s languages are those published', () => {
    fc.assert(
      fc.property(anyTestimonyNow(approved), anyConsentHistory(approved), (testimony, consents) => {
        const [row] = consentReport([testimony, ...consents], today)
        const refusals = publicationRefusals(testimony, consents, today)
        const projection = projectPublicTestimony({ testimony, consents, use: 'website', today })
        expect(row?.website.public).toBe(refusals.length === 0)
        expect(projection.public).toBe(refusals.length === 0)
        if (row?.website.public && projection.public) {
          expect(row.website.languages).toEqual(Object.keys(projection.testimony.languages))
          expect(row.website.form).toBe(projection.testimony.form)
        } else {
          expect(row?.website).toEqual({ public: false, reasons: refusals })
        }
      }),
      { numRuns: 300 },
    )
  })
})
