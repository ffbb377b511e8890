// Why an approval could not be recorded, in words a therapist can act on, in English and Khmer.
import type { ApprovalProblem } from '../workflow/index.ts'
import type { ArchiveT, InterfaceLanguage } from './archiveText.ts'

type Describers = { [C in ApprovalProblem['code']]: (p: Extract<ApprovalProblem, { code: C }>, t: ArchiveT) => string }

const english: Describers = {
  noCode: () => 'Type the approval code printed on the sheet she approved.',
  codeUnreadable: (p, t) =>
    `“${p.typed}” (${t(`part.${p.part}`)}) is not an approval code: a code has 9 letters and digits in three groups, like 7KQ-2M9-XDA.`,
  codeTypo: (p, t) =>
    `“${p.typed}” (${t(`part.${p.part}`)}) has a typing mistake: its characters do not fit together. Compare each one with the sheet and type it again.`,
  codeOfAnotherText: (p, t) =>
    `${p.typed} is a whole code, but not the code of the ${t(`part.${p.part}`)} as it is stored now: the text was changed after this sheet was printed, or the sheet is of another text. Print a new sheet, read it back to her, and record her approval of that one.`,
  noText: (p, t) => `There is no ${t(`part.${p.part}`)} to approve; leave its code empty.`,
  noScopes: () => 'Tick at least one thing she agreed to.',
  noMethod: () => 'Say how she gave her consent.',
  witnessNeeded: () => 'Spoken consent needs the name of its witness.',
  dateInFuture: (p) => `The date given (${p.date}) is after today; use the date on the signed sheet.`,
  reviewNotAfterGiven: () => 'The review date must come after the date the consent was given.',
  holdNotAfterGiven: () => 'The day before which it must not be published must come after the date the consent was given.',
  holdNotBeforeReview: () =>
    'The day before which it must not be published must come before the review date, or it could never be published before she is asked again.',
}

const khmer: Describers = {
  noCode: () => 'សូមវាយលេខកូដអនុម័តដែលបោះពុម្ពលើសន្លឹកដែលគាត់បានអនុម័ត។',
  codeUnreadable: (p, t) =>
    `«${p.typed}» (${t(`part.${p.part}`)}) មិនមែនជាលេខកូដអនុម័តទេ៖ លេខកូដមានអក្សរ និងលេខ ៩ ជាបីក្រុម ដូចជា 7KQ-2M9-XDA។`,
  codeTypo: (p, t) =>
    `«${p.typed}» (${t(`part.${p.part}`)}) មានកំហុសក្នុងការវាយ៖ តួអក្សររបស់វាមិនត្រូវគ្នាទេ។ សូមផ្ទៀងផ្ទាត់តួអក្សរនីមួយៗជាមួយសន្លឹក ហើយវាយម្តងទៀត។`,
  codeOfAnotherText: (p, t) =>
    `${p.typed} ជាលេខកូដពេញលេញ ប៉ុន្តែមិនមែនជាលេខកូដនៃ${t(`part.${p.part}`)}ដែលបានរក្សាទុកឥឡូវនេះទេ៖ អត្ថបទត្រូវបានកែប្រែក្រោយពេលបោះពុម្ពសន្លឹកនេះ ឬសន្លឹកនេះជារបស់អត្ថបទផ្សេង។ សូមបោះពុម្ពសន្លឹកថ្មី អានឱ្យគាត់ស្តាប់ ហើយកត់ត្រាការអនុម័តរបស់គាត់លើសន្លឹកនោះ។`,
  noText: (p, t) => `គ្មាន${t(`part.${p.part}`)}ដើម្បីអនុម័តទេ សូមទុកលេខកូដនោះឱ្យទទេ។`,
  noScopes: () => 'សូមគូសយ៉ាងហោចណាស់មួយចំណុចដែលគាត់យល់ព្រម។',
  noMethod: () => 'សូមបញ្ជាក់របៀបដែលគាត់ផ្តល់ការយល់ព្រម។',
  witnessNeeded: () => 'ការយល់ព្រមដោយផ្ទាល់មាត់ត្រូវការឈ្មោះសាក្សី។',
  dateInFuture: (p) => `កាលបរិច្ឆេទ (${p.date}) គឺក្រោយថ្ងៃនេះ សូមប្រើកាលបរិច្ឆេទលើសន្លឹកដែលបានចុះហត្ថលេខា។`,
  reviewNotAfterGiven: () => 'កាលបរិច្ឆេទពិនិត្យឡើងវិញត្រូវតែក្រោយកាលបរិច្ឆេទផ្តល់ការយល់ព្រម។',
  holdNotAfterGiven: () => 'ថ្ងៃដែលមិនត្រូវផ្សព្វផ្សាយមុននោះ ត្រូវតែក្រោយកាលបរិច្ឆេទផ្តល់ការយល់ព្រម។',
  holdNotBeforeReview: () =>
    'ថ្ងៃដែលមិនត្រូវផ្សព្វផ្សាយមុននោះ ត្រូវតែមុនកាលបរិច្ឆេទពិនិត្យឡើងវិញ បើមិនដូច្នោះទេ រឿងនេះមិនអាចផ្សព្វផ្សាយបានមុនពេលសួរគាត់ម្តងទៀតឡើយ។',
}

const describers: Record<InterfaceLanguage, Describers> = { en: english, km: khmer }

export function describeApprovalProblem(problem: ApprovalProblem, language: InterfaceLanguage, t: ArchiveT): string {
  const describe = describers[language][problem.code] as (p: ApprovalProblem, t: ArchiveT) => string
  return describe(problem, t)
}
