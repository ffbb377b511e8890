// Fictional stories published in one language only, each with a consent that approves exactly its
// public text: one in English, one in Khmer.
import { approvableText, testimonyDocument, textHash, type Language } from '../../core/index.ts'

export const englishOnlySlug = 'a-story-told-in-english-only'
export const khmerOnlySlug = 'a-story-told-in-khmer-only'
/** A word of the Khmer story's text that no seed story holds ("rabbit"). */
export const khmerOnlyWord = 'ទន្សាយ'

const told: Record<Language, { slug: string; title: string; byline: string; text: string }> = {
  en: {
    slug: englishOnlySlug,
    title: 'A story told in English only',
    byline: 'A woman from Kampot province (fictional)',
    text: 'This fictional story exists in English only.',
  },
  km: {
    slug: khmerOnlySlug,
    title: 'រឿងដែលនិទានតែជាភាសាខ្មែរ',
    byline: 'ស្ត្រីម្នាក់មកពីខេត្តតាកែវ (ប្រឌិត)',
    text: `រឿងប្រឌិតនេះមានតែជាភាសាខ្មែរ។ ខ្ញុំចាំសត្វ${khmerOnlyWord}នៅក្បែរផ្ទះ។`,
  },
}

/** Her text as she corrected it at a read-back after publication, and the day of the consent that approves it. */
export interface Correction {
  text: string
  dateGiven: string
}

/**
 * `marker`, when given, makes a story of its own: its id, address and text carry it. `correction`
 * gives the same story with her corrected text, and a new consent record approving it.
 */
export function oneLanguageStory(language: Language, marker?: string, correction?: Correction): Array<Record<string, unknown>> {
  const story = told[language]
  const own = (text: string, joiner: string) => (marker ? `${text}${joiner}${marker}` : text)
  const span = (text: string) => ({ _type: 'span', _key: 's', text, marks: [] })
  const testimony = {
    _id: own(`testimony-${language === 'en' ? 'english' : 'khmer'}-only`, '-'),
    _type: 'testimony',
    sample: true,
    workflowState: 'published',
    review: { passedBy: 'supervisor-demo', passedAt: '2026-01-09T09:00:00Z' },
    slug: { _type: 'slug', current: own(story.slug, '-') },
    contentWarnings: ['separation'],
    publicVersion: {
      title: { [language]: story.title },
      byline: { [language]: story.byline },
      body: {
        [language]: [
          { _type: 'block', _key: 'b', style: 'normal', markDefs: [], children: [span(correction?.text ?? own(story.text, ' '))] },
        ],
      },
    },
  }
  const hash = textHash(approvableText(testimonyDocument.parse(testimony), 'public', language))
  const consent = {
    _id: own(`consent-${language === 'en' ? 'english' : 'khmer'}-only`, '-') + (correction ? '-corrected' : ''),
    _type: 'consentRecord',
    testimony: { _ref: testimony._id },
    scopes: ['website'],
    dateGiven: correction?.dateGiven ?? '2026-01-10',
    reviewDate: '2030-01-10',
    approvedPublicText: { [language]: hash },
  }
  return [testimony, consent]
}

export const englishOnlyStory = (marker?: string) => oneLanguageStory('en', marker)
