// The case records in the Studio: which actions stay, who creates what, whose a new record is.
export { caseRecordTypes, isCaseRecordType, keepsSanityAction, mayCreate, type CaseRecordType } from './caseRecords.ts'
export { ownerOf, therapistField, withOwner } from './ownerTemplates.ts'
export { saveRecordAction, saveRecordMutations } from './saveRecordAction.ts'
