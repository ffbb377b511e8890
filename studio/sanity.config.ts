// The Studio therapists and supervisors work in: on the local lake by default, on hosted Sanity
// when SANITY_STUDIO_PROJECT_ID is set at build time. In English or Khmer, chosen per user.
import { defineConfig } from 'sanity'
import { structureTool } from 'sanity/structure'
import { schemaTypes } from '../schemas/index.ts'
import {
  consentBadge,
  workflowStateBadge,
  consentPublishAction,
  eraseTestimonyAction,
  readBackSheetAction,
  readyForReadBackAction,
  recordApprovalAction,
  returnToTherapistAction,
  submitForReviewAction,
  withdrawConsentAction,
} from './actions/index.ts'
import { openAssetSession } from './assetSession.ts'
import { deskStructure } from './desk/deskStructure.ts'
import { installListenerHosts } from './listenerHosts.ts'
import { archiveSchemaText, khmerStudioLocale, TranslatedField } from './locale/index.ts'
import { installOfflineGuard } from './offlineGuard.ts'
import { studioBackend } from './studioBackend.ts'

const backend = studioBackend(import.meta.env)
if (backend.local && backend.apiHost) {
  installOfflineGuard()
  installListenerHosts(backend.apiHost)
  openAssetSession(backend.apiHost, backend.projectId)
}

// A testimony's actions in the order of the work: review steps, read-back, approval, publish,
// and withdrawal; erasure last, for administrators.
const testimonyActions = [
  submitForReviewAction,
  returnToTherapistAction,
  readyForReadBackAction,
  readBackSheetAction,
  recordApprovalAction,
  withdrawConsentAction,
  eraseTestimonyAction(backend),
]

export default defineConfig({
  name: 'archive',
  title: 'Testimony Archive',
  projectId: backend.projectId,
  dataset: backend.dataset,
  ...(backend.apiHost ? { apiHost: backend.apiHost } : {}),
  auth: backend.local ? { loginMethod: 'token' } : undefined,
  schema: { types: schemaTypes },
  plugins: [structureTool({ structure: deskStructure })],
  // Khmer is listed last, so it is where a new user starts; each user can switch in the user menu.
  i18n: {
    locales: [{ id: 'en-US', title: 'English', weekInfo: { firstDay: 1, weekend: [6, 7] } }, khmerStudioLocale],
    bundles: [{ locale: 'en-US', namespace: 'archive', resources: archiveSchemaText['en-US'] }],
  },
  form: { components: { field: TranslatedField } },
  document: {
    // Publishing a testimony is allowed only by the consent core; other types publish as usual.
    actions: (previous, context) =>
      context.schemaType === 'testimony'
        ? [...previous.map((action) => (action.action === 'publish' ? consentPublishAction(action) : action)), ...testimonyActions]
        : previous,
    badges: (previous, context) => (context.schemaType === 'testimony' ? [...previous, workflowStateBadge, consentBadge] : previous),
  },
})
