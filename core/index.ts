// The consent core: pure rules shared by the Studio, the lake and the site. No I/O, no clock.
export { publicLanguages, languageNames, type Language } from './languages.ts'
export { normaliseText, blocksToPlainText } from './normalisedText.ts'
export { textHash, isTextHash, forgetHashedTexts } from './textHash.ts'
export { approvalCode, readApprovalCode, approvalCodeMatches } from './approvalCode.ts'
export {
  consentScopes,
  scopeTitles,
  consentUses,
  publicationForms,
  consentMedia,
  useRules,
  requiredScopes,
  type ConsentScope,
  type ConsentUse,
  type PublicationForm,
  type ConsentMedium,
  type ApprovedText,
  type PublicationRequest,
} from './consentScopes.ts'
export { testimonyDocument, approvableText, type TestimonyDocument, type PortableTextBlock } from './testimonyDocument.ts'
export { consentDocument, consentInForce, isRecordedConsent, type ConsentDocument, type Withdrawal } from './consentDocument.ts'
export { bindingWithdrawal, everythingWithdrawn } from './consentWithdrawals.ts'
export { consentGateView } from './consentGateView.ts'
export { gateInputs, type GateInputs } from './gateInputs.ts'
export { consentGate, consentReasons, type GateDecision, type GateInput } from './consentGate.ts'
export { describeReason, type GateReason, type GateReasonCode } from './gateReasons.ts'
export { provinces, contentWarnings, type Province, type ContentWarning } from './publicVocabulary.ts'
export {
  publicTestimony,
  projectPublicTestimony,
  type PublicTestimony,
  type PublicText,
  type PublicUse,
  type Projection,
} from './publicTestimony.ts'
export {
  publicStoryType,
  publicStoryIdOf,
  testimonyIdOfStory,
  publicStoryDocument,
  publicStoryOf,
  publicConsentView,
  recordingOf,
  storyConsents,
  type PublicStoryDocument,
  type PublicStory,
} from './publicStory.ts'
export { publicStoryGate, publicStoryInputs, type StoryAnswer } from './publicStoryGate.ts'
export { consentReport, consentReportSummary, formatConsentReport, type ConsentReportRow } from './consentReport.ts'
export { publicationRefusals } from './publicationRefusals.ts'
export { publicationHeldUntil, withoutHold } from './publicationHold.ts'
export { localDigits, localNumber, localYears } from './localNumbers.ts'
export { localDate } from './localDates.ts'
export { buddhistEraYear, visakBochea, visakBocheaYears } from './visakBochea.ts'
export {
  draftIdOf,
  publishedIdOf,
  versionIdOf,
  releaseOf,
  idKind,
  isDraftId,
  isVersionId,
  isPublishedId,
  publishedOnly,
  type DocumentIdKind,
} from './documentIds.ts'
export { apiVersion, apiVersionPath } from './apiVersion.ts'
export { calendarDay, calendarDayPattern, addDays } from './calendarDay.ts'
export { HintedError, explainFailure } from './hintedError.ts'
export { parseOrExplain, zodProblems, describeZodError } from './parseOrExplain.ts'
export { programmeDay, programmeTimeZone, programmeTimeZoneOf, defaultProgrammeTimeZone, isTimeZone } from './programmeDay.ts'
export {
  workflowStates,
  workflowRoles,
  isWorkflowState,
  workflowStateOf,
  reviewPass,
  reviewPassOf,
  currentVersion,
  type WorkflowState,
  type WorkflowRole,
  type TestimonyGroup,
  type ReviewPass,
} from './workflowStates.ts'
export {
  workflowSteps,
  workflowNeeds,
  workflowTable,
  stepAvailable,
  stepsBetween,
  type WorkflowStep,
  type WorkflowNeed,
  type WorkflowTransition,
} from './workflowTable.ts'
export { workflowChange, type WorkflowChangeInput, type WorkflowDecision } from './workflowChange.ts'
export { describeWorkflowRefusal, type WorkflowRefusal, type WorkflowRefusalCode } from './workflowRefusals.ts'
export { approvableTextEdited, approvesCurrentText, sendsBackForReadBack } from './readBackRule.ts'
