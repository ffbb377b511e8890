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
import { ArchiveInput } from './form/ArchiveInput.tsx'
import { installListenerHosts } from './listenerHosts.ts'
import {
  archiveSchemaText,
  browserStorage,
  englishLocaleId,
  khmerStudioLocale,
  localisedSchemaTypes,
  openingLanguage,
  workspaceName,
} from './locale/index.ts'
import { ArchiveNavbar } from './navbar/ArchiveNavbar.tsx'
import { installOfflineGuard } from './offlineGuard.ts'
import { keepsSanityAction, mayCreate, saveRecordAction } from './records/index.ts'
import { installSignOutToken, lakeSignIn } from './staffSignIn.ts'
import { studioBackend } from './studioBackend.ts'
import { staffRole } from './workflow/index.ts'

const backend = studioBackend(import.meta.env)
if (backend.local && backend.apiHost) {
  installOfflineGuard()
  installListenerHosts(backend.apiHost)
  openAssetSession(backend.apiHost, backend.projectId)
  installSignOutToken(backend.apiHost, backend.projectId)
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

const language = openingLanguage(backend.projectId, browserStorage())

export default defineConfig({
  name: workspaceName,
  title: language === 'km' ? 'បណ្ណសារសក្ខីកម្ម' : 'Testimony Archive',
  projectId: backend.projectId,
  dataset: backend.dataset,
  ...(backend.apiHost ? { apiHost: backend.apiHost } : {}),
  // On the lake, staff sign in with the archive's accounts through Sanity's own login screen.
  auth: backend.local ? lakeSignIn(backend.projectId) : undefined,
  // The schema in the language she chose (the Studio reloads when she changes it).
  schema: { types: localisedSchemaTypes(schemaTypes, language) },
  plugins: [structureTool({ structure: deskStructure })],
  // Online services, and publishing on a schedule, which would publish later without the consent gate.
  scheduledPublishing: { enabled: false },
  scheduledDrafts: { enabled: false },
  releases: { enabled: false },
  tasks: { enabled: false },
  // Khmer is listed last, so it is where a new user starts; each user switches in the top bar.
  i18n: {
    locales: [{ id: englishLocaleId, title: 'English', weekInfo: { firstDay: 1, weekend: [6, 7] } }, khmerStudioLocale],
    bundles: [{ locale: englishLocaleId, namespace: 'archive', resources: archiveSchemaText[englishLocaleId] }],
  },
  studio: { components: { navbar: ArchiveNavbar } },
  form: { components: { input: ArchiveInput } },
  document: {
    // Comments live in an online companion dataset; the archive keeps its words in its records.
    comments: { enabled: false },
    // Each role is offered only what it may create; consent records come from a recorded approval.
    newDocumentOptions: (previous, context) => {
      const role = staffRole(context.currentUser?.roles.map((r) => r.name) ?? [])
      return previous.filter((item) => mayCreate(role, item.templateId))
    },
    actions: (previous, context) => {
      const kept = previous.filter((action) => keepsSanityAction(context.schemaType, action.action))
      // Publishing a testimony is allowed only by the consent core; a consent record is saved, not published.
      if (context.schemaType === 'testimony')
        return [...kept.map((action) => (action.action === 'publish' ? consentPublishAction(action) : action)), ...testimonyActions]
      if (context.schemaType === 'consentRecord')
        return kept.map((action) => (action.action === 'publish' ? saveRecordAction(action) : action))
      return kept
    },
    badges: (previous, context) => (context.schemaType === 'testimony' ? [...previous, workflowStateBadge, consentBadge] : previous),
  },
})
