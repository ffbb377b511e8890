// Builders of testimonies and consent records for the consent-core tests.
import { approvableText, textHash, type ConsentDocument, type TestimonyDocument } from '../../core/index.ts'

const block = (text: string, key: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
})

export function aTestimony(overrides: Partial<TestimonyDocument> = {}): TestimonyDocument {
  return {
    _id: 'testimony-test-1',
    _type: 'testimony',
    slug: { current: 'a-story-of-the-rice-fields' },
    title: { en: 'My name is Sreyneang', km: 'ខ្ញុំឈ្មោះស្រីនាង' },
    body: { en: [block('I was born in Kok Prasat village.', 'a')], km: [block('ខ្ញុំកើតនៅភូមិគោកប្រាសាទ។', 'a')] },
    hopes: { en: 'I hope my grandchildren know.', km: 'ខ្ញុំសង្ឃឹមថាចៅៗរបស់ខ្ញុំនឹងដឹង។' },
    themes: [{ _ref: 'theme-forced-marriage', _key: 't1' }],
    period: { from: 1976, to: 1979 },
    province: 'Takeo',
    contentWarnings: ['forced-marriage'],
    ceremony: { _ref: 'ceremony-1' },
    publicVersion: {
      title: { en: 'A story of the rice fields', km: 'រឿងរ៉ាវនៃវាលស្រែ' },
      byline: { en: 'A woman from Takeo province', km: 'ស្ត្រីម្នាក់មកពីខេត្តតាកែវ' },
      firstName: { en: 'Neang', km: 'នាង' },
      body: {
        en: [block('I was born in a village in the south.', 'a'), block('In 1977 I was married by force.', 'b')],
        km: [block('ខ្ញុំកើតនៅភូមិមួយនៅភាគខាងត្បូង។', 'a')],
      },
      hopes: { en: 'I hope no woman lives this again.', km: 'ខ្ញុំសង្ឃឹមថាគ្មានស្ត្រីណាម្នាក់ជួបរឿងនេះម្តងទៀតទេ។' },
    },
    ...overrides,
  }
}

/** A consent that approves exactly the testimony's current texts. */
export function aConsent(testimony: TestimonyDocument, overrides: Partial<ConsentDocument> = {}): ConsentDocument {
  const hashes = (which: 'full' | 'public') => ({
    km: textHash(approvableText(testimony, which, 'km')),
    en: textHash(approvableText(testimony, which, 'en')),
  })
  return {
    _id: 'consent-test-1',
    _type: 'consentRecord',
    testimony: { _ref: testimony._id },
    scopes: ['ceremonyReading', 'website', 'teaching'],
    dateGiven: '2026-03-12',
    reviewDate: '2027-03-12',
    approvedText: hashes('full'),
    approvedPublicText: hashes('public'),
    withdrawals: [],
    ...overrides,
  }
}

export const today = '2026-11-29'
