// The case records in the Studio: which actions stay, who creates what, which field names the therapist.
export { caseRecordTypes, isCaseRecordType, keepsSanityAction, mayCreate, therapistField, type CaseRecordType } from './caseRecords.ts'
export { saveRecordAction, saveRecordMutations } from './saveRecordAction.ts'
