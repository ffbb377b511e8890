// Why the workflow refused a change, as data, and in words a therapist can act on (English and
// Khmer): what is not allowed, and what to do instead.
import type { Language } from './languages.ts'
import type { WorkflowStep } from './workflowTable.ts'
import type { WorkflowState } from './workflowStates.ts'

export type WorkflowRefusal =
  | { code: 'notAState'; value: string }
  | { code: 'noSuchStep'; from: WorkflowState | null; to: WorkflowState }
  | { code: 'roleMayNot'; step: WorkflowStep }
  | { code: 'reviewByTherapist' }
  | { code: 'reviewMalformed' }
  | { code: 'reviewNotOwn'; userId: string }
  | { code: 'passMissing' }
  | { code: 'passNotCleared' }
  | { code: 'noApproval' }
  | { code: 'notPassed' }
  | { code: 'notPublished' }
  | { code: 'publishedNotMarked' }
  | { code: 'publishedTextEdited' }
  | { code: 'unpublishedWithoutWithdrawal' }
  | { code: 'noWithdrawal' }
  | { code: 'textNotEdited' }
  | { code: 'deleted' }

export type WorkflowRefusalCode = WorkflowRefusal['code']
type RefusalOf<C extends WorkflowRefusalCode> = Extract<WorkflowRefusal, { code: C }>
type Describers = { [C in WorkflowRefusalCode]: (refusal: RefusalOf<C>) => string }
type Words = { states: Record<WorkflowState, string>; next: Record<WorkflowState, string>; steps: Record<WorkflowStep, string> }

const englishWords: Words = {
  states: {
    drafting: 'Drafting',
    supervisorReview: 'Supervisor review',
    readyForReadBack: 'Ready for read-back',
    approved: 'Approved by the survivor',
    published: 'Published',
    withdrawn: 'Withdrawn',
  },
  next: {
    drafting: 'Submit it for supervisor review.',
    supervisorReview: 'A supervisor passes it for read-back, or returns it with comments.',
    readyForReadBack: 'Print the read-back sheet, read it to the survivor and record her approval.',
    approved: 'Publish it (her consent decides), or record her withdrawal.',
    published: 'Record her withdrawal to take it off the site; an edit of its text sends it back for read-back by itself.',
    withdrawn: 'Read it back to her and record a new approval first.',
  },
  steps: {
    start: 'A new testimony starts in Drafting.',
    submit: 'Submit it for supervisor review.',
    return: 'Only a supervisor can return a testimony with comments; a therapist submits it for review.',
    pass: 'Only a supervisor can pass a testimony for read-back; submit it for review.',
    recordApproval: 'Record the survivor’s approval from the signed read-back sheet.',
    publish: 'Publish it with Publish.',
    withdraw: 'Record her withdrawal with Withdraw consent.',
    sendBack: 'It goes back for read-back by itself when its text is edited.',
  },
}

const khmerWords: Words = {
  states: {
    drafting: 'កំពុងសរសេរព្រាង',
    supervisorReview: 'អ្នកគ្រប់គ្រងកំពុងពិនិត្យ',
    readyForReadBack: 'រួចរាល់សម្រាប់អានឡើងវិញ',
    approved: 'អ្នករស់រានមានជីវិតបានអនុម័ត',
    published: 'បានផ្សព្វផ្សាយ',
    withdrawn: 'បានដកការយល់ព្រម',
  },
  next: {
    drafting: 'សូមផ្ញើទៅអ្នកគ្រប់គ្រងពិនិត្យ។',
    supervisorReview: 'អ្នកគ្រប់គ្រងអនុញ្ញាតឱ្យអានឡើងវិញ ឬប្រគល់វិញជាមួយមតិយោបល់។',
    readyForReadBack: 'សូមបោះពុម្ពសន្លឹកអានឡើងវិញ អានជូនអ្នករស់រានមានជីវិតស្តាប់ ហើយកត់ត្រាការអនុម័តរបស់គាត់។',
    approved: 'សូមផ្សព្វផ្សាយ (ការយល់ព្រមរបស់គាត់ជាអ្នកសម្រេច) ឬកត់ត្រាការដកការយល់ព្រមរបស់គាត់។',
    published: 'សូមកត់ត្រាការដកការយល់ព្រមរបស់គាត់ ដើម្បីដកចេញពីគេហទំព័រ។ ការកែអត្ថបទនឹងប្រគល់វាទៅអានឡើងវិញដោយខ្លួនឯង។',
    withdrawn: 'សូមអានជូនគាត់ស្តាប់ម្តងទៀត ហើយកត់ត្រាការអនុម័តថ្មីជាមុនសិន។',
  },
  steps: {
    start: 'សក្ខីកម្មថ្មីចាប់ផ្តើមពី «កំពុងសរសេរព្រាង»។',
    submit: 'សូមផ្ញើទៅអ្នកគ្រប់គ្រងពិនិត្យ។',
    return: 'មានតែអ្នកគ្រប់គ្រងទេដែលអាចប្រគល់សក្ខីកម្មវិញជាមួយមតិយោបល់។ អ្នកព្យាបាលផ្ញើវាទៅពិនិត្យ។',
    pass: 'មានតែអ្នកគ្រប់គ្រងទេដែលអាចអនុញ្ញាតឱ្យអានឡើងវិញ។ សូមផ្ញើវាទៅពិនិត្យ។',
    recordApproval: 'សូមកត់ត្រាការអនុម័តរបស់អ្នករស់រានមានជីវិតពីសន្លឹកអានឡើងវិញដែលបានចុះហត្ថលេខា។',
    publish: 'សូមចុច «ផ្សព្វផ្សាយ»។',
    withdraw: 'សូមកត់ត្រាការដកការយល់ព្រមរបស់គាត់។',
    sendBack: 'វាត្រឡប់ទៅអានឡើងវិញដោយខ្លួនឯង នៅពេលអត្ថបទត្រូវបានកែ។',
  },
}

const english: Describers = {
  notAState: (r) =>
    `${r.value} is not a workflow state; the states are drafting, supervisorReview, readyForReadBack, approved, published and withdrawn, and each is reached by its step.`,
  noSuchStep: (r) =>
    r.from === null
      ? `A new testimony starts in Drafting, not in "${englishWords.states[r.to]}".`
      : `A testimony does not go from "${englishWords.states[r.from]}" to "${englishWords.states[r.to]}". ${englishWords.next[r.from]}`,
  roleMayNot: (r) => englishWords.steps[r.step],
  reviewByTherapist: () =>
    'Only a supervisor or an administrator records the pass for read-back; a therapist submits the testimony for review.',
  reviewMalformed: () =>
    'A pass for read-back records who gave it and when: review.passedBy (a user id) and review.passedAt (a date and time).',
  reviewNotOwn: (r) => `A pass for read-back names the supervisor who gives it: review.passedBy must be your own user id, "${r.userId}".`,
  passMissing: () => 'Passing for read-back records who passed it and when; use “Ready for read-back”, which fills them in.',
  passNotCleared: () => 'Returning a testimony to drafting removes the supervisor’s pass; use “Return with comments”.',
  noApproval: () =>
    'No consent record approves the text as it stands: read the sheet back to the survivor and record her approval with the codes printed on it.',
  notPassed: () => 'No supervisor has passed this testimony for read-back; a supervisor must pass it before it is published.',
  notPublished: () => 'A testimony is marked published only by publishing it: use Publish.',
  publishedNotMarked: () => 'A published testimony is marked published: publish it with Publish, which checks her consent and marks it.',
  publishedTextEdited: () =>
    'The text of a published testimony is not changed in place: edit its draft, which then goes back to the survivor for read-back.',
  unpublishedWithoutWithdrawal: () =>
    'A published testimony is taken off the site only when the survivor withdraws: record her withdrawal with Withdraw consent.',
  noWithdrawal: () => 'A testimony is marked withdrawn only when her withdrawal is recorded on her consent record: use Withdraw consent.',
  textNotEdited: () => 'An approved testimony goes back for read-back by itself when its text is edited; there is nothing to set by hand.',
  deleted: () => 'A testimony is never deleted; an administrator erases it with its records, or record a withdrawal.',
}

const khmer: Describers = {
  notAState: (r) => `${r.value} មិនមែនជាដំណាក់កាលការងារទេ។ ដំណាក់កាលនីមួយៗទៅដល់តាមជំហានរបស់វា។`,
  noSuchStep: (r) =>
    r.from === null
      ? `សក្ខីកម្មថ្មីចាប់ផ្តើមពី «${khmerWords.states.drafting}» មិនមែនពី «${khmerWords.states[r.to]}» ទេ។`
      : `សក្ខីកម្មមិនអាចទៅពី «${khmerWords.states[r.from]}» ទៅ «${khmerWords.states[r.to]}» បានទេ។ ${khmerWords.next[r.from]}`,
  roleMayNot: (r) => khmerWords.steps[r.step],
  reviewByTherapist: () =>
    'មានតែអ្នកគ្រប់គ្រង ឬអ្នកគ្រប់គ្រងប្រព័ន្ធទេ ដែលកត់ត្រាការអនុញ្ញាតឱ្យអានឡើងវិញ។ អ្នកព្យាបាលផ្ញើសក្ខីកម្មទៅពិនិត្យ។',
  reviewMalformed: () => 'ការអនុញ្ញាតឱ្យអានឡើងវិញត្រូវកត់ត្រាថាអ្នកណាជាអ្នកអនុញ្ញាត និងនៅពេលណា។',
  reviewNotOwn: (r) => `ការអនុញ្ញាតឱ្យអានឡើងវិញត្រូវដាក់ឈ្មោះអ្នកដែលអនុញ្ញាតខ្លួនឯង៖ «${r.userId}»។`,
  passMissing: () => 'ការអនុញ្ញាតឱ្យអានឡើងវិញត្រូវកត់ត្រាថាអ្នកណា និងនៅពេលណា។ សូមចុច «រួចរាល់សម្រាប់អានឡើងវិញ»។',
  passNotCleared: () => 'ការប្រគល់សក្ខីកម្មវិញ លុបការអនុញ្ញាតរបស់អ្នកគ្រប់គ្រងចោល។ សូមចុច «ប្រគល់វិញជាមួយមតិយោបល់»។',
  noApproval: () =>
    'មិនទាន់មានកំណត់ត្រាការយល់ព្រមដែលអនុម័តអត្ថបទដូចដែលវាមានឥឡូវនេះទេ។ សូមអានសន្លឹកជូនអ្នករស់រានមានជីវិតស្តាប់ ហើយកត់ត្រាការអនុម័តរបស់គាត់ ជាមួយលេខកូដដែលបានបោះពុម្ព។',
  notPassed: () => 'មិនទាន់មានអ្នកគ្រប់គ្រងណាអនុញ្ញាតឱ្យអានសក្ខីកម្មនេះឡើងវិញទេ។ អ្នកគ្រប់គ្រងត្រូវអនុញ្ញាតជាមុនសិន ទើបអាចផ្សព្វផ្សាយបាន។',
  notPublished: () => 'សក្ខីកម្មមានដំណាក់កាល «បានផ្សព្វផ្សាយ» តែនៅពេលវាត្រូវបានផ្សព្វផ្សាយប៉ុណ្ណោះ។ សូមចុច «ផ្សព្វផ្សាយ»។',
  publishedNotMarked: () =>
    'សក្ខីកម្មដែលបានផ្សព្វផ្សាយ ត្រូវមានដំណាក់កាល «បានផ្សព្វផ្សាយ»។ សូមចុច «ផ្សព្វផ្សាយ» ដែលពិនិត្យការយល់ព្រមរបស់គាត់។',
  publishedTextEdited: () => 'មិនអាចកែអត្ថបទនៃសក្ខីកម្មដែលបានផ្សព្វផ្សាយដោយផ្ទាល់បានទេ។ សូមកែព្រាងរបស់វា ហើយវានឹងត្រឡប់ទៅអានឡើងវិញ។',
  unpublishedWithoutWithdrawal: () =>
    'សក្ខីកម្មដែលបានផ្សព្វផ្សាយ ត្រូវដកចេញពីគេហទំព័រតែនៅពេលអ្នករស់រានមានជីវិតដកការយល់ព្រមប៉ុណ្ណោះ។ សូមកត់ត្រាការដកការយល់ព្រមរបស់គាត់។',
  noWithdrawal: () => 'សក្ខីកម្មមានដំណាក់កាល «បានដកការយល់ព្រម» តែនៅពេលការដកការយល់ព្រមត្រូវបានកត់ត្រាប៉ុណ្ណោះ។',
  textNotEdited: () => 'សក្ខីកម្មដែលបានអនុម័ត ត្រឡប់ទៅអានឡើងវិញដោយខ្លួនឯង នៅពេលអត្ថបទត្រូវបានកែ។ មិនចាំបាច់ដាក់ដោយដៃទេ។',
  deleted: () => 'សក្ខីកម្មមិនត្រូវបានលុបចោលទេ។ អ្នកគ្រប់គ្រងប្រព័ន្ធលុបវាចោលរួមជាមួយកំណត់ត្រារបស់វា ឬសូមកត់ត្រាការដកការយល់ព្រម។',
}

const describers: Record<Language, Describers> = { en: english, km: khmer }

export function describeWorkflowRefusal(refusal: WorkflowRefusal, language: Language = 'en'): string {
  const describe = describers[language][refusal.code] as (r: WorkflowRefusal) => string
  return describe(refusal)
}
