// Why the gate said no, as data, and in words a therapist can act on (English and Khmer).
import { languageNames, type Language } from './languages.ts'
import { localDate } from './localDates.ts'
import { scopeTitles, type ApprovedText, type ConsentScope } from './consentScopes.ts'

export type GateReason =
  | { code: 'noConsent' }
  | { code: 'noPublicText' }
  | { code: 'notPublished' }
  | { code: 'scopeNotGranted'; scope: ConsentScope }
  | { code: 'scopeWithdrawn'; scope: ConsentScope; date: string }
  | { code: 'consentNotYetGiven'; dateGiven: string }
  | { code: 'noReviewDate' }
  | { code: 'reviewDatePassed'; reviewDate: string }
  | { code: 'publicationHeld'; notBefore: string }
  | { code: 'noTextInLanguage'; language: Language; text: ApprovedText }
  | { code: 'notApprovedInLanguage'; language: Language; text: ApprovedText }
  | { code: 'approvedTextChanged'; language: Language; text: ApprovedText; approvedOn: string }
  | { code: 'projectionRefused'; detail: string }

export type GateReasonCode = GateReason['code']
type ReasonOf<C extends GateReasonCode> = Extract<GateReason, { code: C }>
type Describers = { [C in GateReasonCode]: (reason: ReasonOf<C>) => string }

const textNames: Record<ApprovedText, Record<Language, string>> = {
  full: { en: 'full testimony', km: 'សក្ខីកម្មពេញលេញ' },
  public: { en: 'public (anonymised) version', km: 'កំណែសាធារណៈ (អនាមិក)' },
}
const khmerLanguageNames: Record<Language, string> = { km: 'ភាសាខ្មែរ', en: 'ភាសាអង់គ្លេស' }

const english: Describers = {
  noConsent: () => 'No consent has been recorded for this testimony. Read it back to the survivor and record her approval first.',
  noPublicText: () => 'The public version has no text in any language.',
  notPublished: () => 'The testimony is not published: publish it once her consent allows it.',
  scopeNotGranted: (r) => `The survivor has not consented to "${scopeTitles[r.scope].en}". Ask her, and record it only if she agrees.`,
  scopeWithdrawn: (r) =>
    `The survivor withdrew her consent to "${scopeTitles[r.scope].en}" on ${r.date}. It can not be used this way unless she consents again, in a new consent record given after that day.`,
  consentNotYetGiven: (r) => `The consent is dated ${r.dateGiven}, which is after today. Check the date on the signed sheet.`,
  noReviewDate: () => 'The consent has no review date. Consent is reviewed, not given for ever: add the agreed review date.',
  reviewDatePassed: (r) =>
    `The consent was due for review on ${r.reviewDate}. Visit the survivor, review it with her and record the renewed consent.`,
  publicationHeld: (r) =>
    `The survivor asked that it not be made public before ${localDate(r.notBefore, 'en')}. Published in the archive, it appears on the website on that day by itself.`,
  noTextInLanguage: (r) => `The ${textNames[r.text].en} has no ${languageNames[r.language]} text.`,
  notApprovedInLanguage: (r) =>
    `The survivor has not approved the ${languageNames[r.language]} ${textNames[r.text].en}. Read it back to her and record her approval.`,
  approvedTextChanged: (r) =>
    `The ${languageNames[r.language]} ${textNames[r.text].en} has changed since the survivor approved it on ${r.approvedOn}. Read it back to her again and record a new approval.`,
  projectionRefused: (r) => `The public version is incomplete: ${r.detail}.`,
}

const khmer: Describers = {
  noConsent: () =>
    'មិនទាន់មានការកត់ត្រាការយល់ព្រមសម្រាប់សក្ខីកម្មនេះទេ។ សូមអានជូនអ្នករស់រានមានជីវិតស្តាប់ ហើយកត់ត្រាការយល់ព្រមរបស់គាត់ជាមុនសិន។',
  noPublicText: () => 'កំណែសាធារណៈមិនមានអត្ថបទជាភាសាណាមួយទេ។',
  notPublished: () => 'សក្ខីកម្មនេះមិនបានផ្សព្វផ្សាយទេ៖ សូមផ្សព្វផ្សាយវា នៅពេលការយល់ព្រមរបស់គាត់អនុញ្ញាត។',
  scopeNotGranted: (r) =>
    `អ្នករស់រានមានជីវិតមិនទាន់យល់ព្រមលើ «${scopeTitles[r.scope].km}» ទេ។ សូមសួរគាត់ ហើយកត់ត្រាតែនៅពេលគាត់យល់ព្រមប៉ុណ្ណោះ។`,
  scopeWithdrawn: (r) =>
    `អ្នករស់រានមានជីវិតបានដកការយល់ព្រមលើ «${scopeTitles[r.scope].km}» នៅថ្ងៃទី ${r.date}។ មិនអាចប្រើតាមរបៀបនេះបានទេ លុះត្រាតែគាត់យល់ព្រមម្តងទៀត ក្នុងកំណត់ត្រាការយល់ព្រមថ្មីដែលផ្តល់ឱ្យនៅក្រោយថ្ងៃនោះ។`,
  consentNotYetGiven: (r) => `ការយល់ព្រមមានកាលបរិច្ឆេទ ${r.dateGiven} ដែលនៅក្រោយថ្ងៃនេះ។ សូមពិនិត្យកាលបរិច្ឆេទលើសន្លឹកដែលបានចុះហត្ថលេខា។`,
  noReviewDate: () => 'ការយល់ព្រមគ្មានកាលបរិច្ឆេទពិនិត្យឡើងវិញទេ។ សូមបញ្ចូលកាលបរិច្ឆេទពិនិត្យឡើងវិញដែលបានព្រមព្រៀង។',
  reviewDatePassed: (r) =>
    `ការយល់ព្រមត្រូវពិនិត្យឡើងវិញនៅថ្ងៃទី ${r.reviewDate}។ សូមជួបអ្នករស់រានមានជីវិត ពិនិត្យជាមួយគាត់ ហើយកត់ត្រាការយល់ព្រមថ្មី។`,
  publicationHeld: (r) =>
    `អ្នករស់រានមានជីវិតបានស្នើសុំកុំឱ្យផ្សព្វផ្សាយជាសាធារណៈមុន${localDate(r.notBefore, 'km')}។ បើបានផ្សព្វផ្សាយក្នុងបណ្ណសារ វានឹងបង្ហាញលើគេហទំព័រនៅថ្ងៃនោះដោយខ្លួនឯង។`,
  noTextInLanguage: (r) => `${textNames[r.text].km} មិនមានអត្ថបទជា${khmerLanguageNames[r.language]}ទេ។`,
  notApprovedInLanguage: (r) =>
    `អ្នករស់រានមានជីវិតមិនទាន់យល់ព្រមលើ${textNames[r.text].km}ជា${khmerLanguageNames[r.language]}ទេ។ សូមអានជូនគាត់ស្តាប់ ហើយកត់ត្រាការយល់ព្រម។`,
  approvedTextChanged: (r) =>
    `${textNames[r.text].km}ជា${khmerLanguageNames[r.language]} បានផ្លាស់ប្តូរក្រោយពេលអ្នករស់រានមានជីវិតយល់ព្រមនៅថ្ងៃទី ${r.approvedOn}។ សូមអានជូនគាត់ស្តាប់ម្តងទៀត ហើយកត់ត្រាការយល់ព្រមថ្មី។`,
  projectionRefused: (r) => `កំណែសាធារណៈមិនទាន់គ្រប់គ្រាន់៖ ${r.detail}។`,
}

const describers: Record<Language, Describers> = { en: english, km: khmer }

export function describeReason(reason: GateReason, language: Language = 'en'): string {
  const describe = describers[language][reason.code] as (r: GateReason) => string
  return describe(reason)
}
