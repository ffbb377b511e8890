// The Studio's workflow rules, pure: roles, review steps, approval from the read-back sheet,
// withdrawal, the audit trail. The React actions and desk call these; tests call them directly.
export { staffRole, seesEveryone, type StaffRole } from './staffRole.ts'
export { publishMutations, publishStepRefusals, stepOffered, shownState, stepEdits, type ReviewStep } from './workflowSteps.ts'
export {
  checkApproval,
  approvalMutations,
  readBackParts,
  defaultReviewDate,
  consentMethodValues,
  type ApprovalForm,
  type ApprovalProblem,
  type TextPart,
} from './approvalRecord.ts'
export { planWithdrawal } from './consentWithdrawal.ts'
export { publicStoryMutations, type StoryState } from './publicStoryWrite.ts'
export { readBackSheetHtml, type ReadBackRequest, type SheetSource } from './readBackSheet.ts'
export { auditEvents, auditCsv, consentReportCsv, csv, historyTransaction, type AuditEvent } from './consentAudit.ts'
