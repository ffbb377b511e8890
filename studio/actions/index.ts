// The document actions and badges this project adds to the Studio.
export { consentPublishAction } from './consentPublishAction.ts'
export { consentBadge } from './consentBadge.ts'
export { workflowStateBadge } from './workflowStateBadge.ts'
export { submitForReviewAction, returnToTherapistAction, readyForReadBackAction } from './workflowStepActions.tsx'
export { readBackSheetAction } from './readBackSheetAction.tsx'
export { recordApprovalAction } from './recordApprovalAction.tsx'
export { withdrawConsentAction } from './withdrawConsentAction.tsx'
export { eraseTestimonyAction } from './eraseTestimonyAction.tsx'
