// A fictional story, published in the archive, whose author asked that it not be made public before
// a day; its consent approves exactly its public text (English only).
import { approvableText, testimonyDocument, textHash } from '../../core/index.ts'

export const heldSlug = 'a-story-held-until-the-trial'
export const heldTitle = 'A story held until the trial is over'

export function heldStory(notBefore: string): Array<Record<string, unknown>> {
  const span = (text: string) => ({ _type: 'span', _key: 's', text, marks: [] })
  const testimony = {
    _id: 'testimony-held',
    _type: 'testimony',
    sample: true,
    workflowState: 'published',
    review: { passedBy: 'supervisor-demo', passedAt: '2026-01-09T09:00:00Z' },
    slug: { _type: 'slug', current: heldSlug },
    contentWarnings: ['separation'],
    publicVersion: {
      title: { en: heldTitle },
      byline: { en: 'A woman from Kandal province (fictional)' },
      body: {
        en: [
          {
            _type: 'block',
            _key: 'b',
            style: 'normal',
            markDefs: [],
            children: [span('This fictional story may be read only after the trial is over.')],
          },
        ],
      },
    },
  }
  const hash = textHash(approvableText(testimonyDocument.parse(testimony), 'public', 'en'))
  const consent = {
    _id: 'consent-held',
    _type: 'consentRecord',
    testimony: { _ref: testimony._id },
    scopes: ['website'],
    dateGiven: '2026-01-10',
    reviewDate: '2030-01-10',
    notBefore,
    approvedPublicText: { en: hash },
  }
  return [testimony, consent]
}
