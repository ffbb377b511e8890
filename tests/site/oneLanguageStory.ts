// A fictional story published in English only, with a consent that approves exactly its public text.
import { approvableText, testimonyDocument, textHash } from '../../core/index.ts'

export const englishOnlySlug = 'a-story-told-in-english-only'

/** `marker`, when given, makes a story of its own: its id, address and text carry it. */
export function englishOnlyStory(marker?: string): Array<Record<string, unknown>> {
  const own = (text: string, joiner: string) => (marker ? `${text}${joiner}${marker}` : text)
  const span = (text: string) => ({ _type: 'span', _key: 's', text, marks: [] })
  const testimony = {
    _id: own('testimony-english-only', '-'),
    _type: 'testimony',
    sample: true,
    workflowState: 'published',
    review: { passedBy: 'supervisor-demo', passedAt: '2026-01-09T09:00:00Z' },
    slug: { _type: 'slug', current: own(englishOnlySlug, '-') },
    contentWarnings: ['separation'],
    publicVersion: {
      title: { en: 'A story told in English only' },
      byline: { en: 'A woman from Kampot province (fictional)' },
      body: {
        en: [
          {
            _type: 'block',
            _key: 'b',
            style: 'normal',
            markDefs: [],
            children: [span(own('This fictional story exists in English only.', ' '))],
          },
        ],
      },
    },
  }
  const hash = textHash(approvableText(testimonyDocument.parse(testimony), 'public', 'en'))
  const consent = {
    _id: own('consent-english-only', '-'),
    _type: 'consentRecord',
    testimony: { _ref: testimony._id },
    scopes: ['website'],
    dateGiven: '2026-01-10',
    reviewDate: '2030-01-10',
    approvedPublicText: { en: hash },
  }
  return [testimony, consent]
}
