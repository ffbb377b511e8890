// The Studio's workflow rules, pure: roles, review steps, approval from the read-back sheet,
// withdrawal, the audit trail. The React actions and desk call these; tests call them directly.
export { staffRole, seesEveryone, staffRoles, type StaffRole } from './staffRole.ts'
export { workflowSteps, isWorkflowState, stepRules, stepAvailable, stepPatch, type WorkflowStep, type ReviewNote } from './workflowSteps.ts'
export {
  checkApproval,
  readBackParts,
  defaultReviewDate,
  textParts,
  partOf,
  consentMethodValues,
  type ApprovalForm,
  type ApprovalProblem,
  type ConsentMethod,
  type TextPart,
} from './approvalRecord.ts'
export { planWithdrawal, type WithdrawalPlan } from './consentWithdrawal.ts'
export { readBackSheetHtml, readBackSections, type ReadBackRequest } from './readBackSheet.ts'
export {
  auditEvents,
  auditCsv,
  consentReportCsv,
  csv,
  historyTransaction,
  type AuditEvent,
  type HistoryTransaction,
} from './consentAudit.ts'
