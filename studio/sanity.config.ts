// The Studio therapists and supervisors work in: on the local lake by default, on hosted Sanity
// when SANITY_STUDIO_PROJECT_ID is set at build time.
import { defineConfig } from 'sanity'
import { structureTool } from 'sanity/structure'
import { schemaTypes } from '../schemas/index.ts'
import { consentBadge } from './actions/consentBadge.ts'
import { consentPublishAction } from './actions/consentPublishAction.ts'
import { openAssetSession } from './assetSession.ts'
import { installListenerHosts } from './listenerHosts.ts'
import { installOfflineGuard } from './offlineGuard.ts'
import { studioBackend } from './studioBackend.ts'

const backend = studioBackend(import.meta.env)
if (backend.local && backend.apiHost) {
  installOfflineGuard()
  installListenerHosts(backend.apiHost)
  openAssetSession(backend.apiHost, backend.projectId)
}

export default defineConfig({
  name: 'archive',
  title: 'Testimony Archive',
  projectId: backend.projectId,
  dataset: backend.dataset,
  ...(backend.apiHost ? { apiHost: backend.apiHost } : {}),
  auth: backend.local ? { loginMethod: 'token' } : undefined,
  schema: { types: schemaTypes },
  plugins: [structureTool()],
  document: {
    // Publishing a testimony is allowed only by the consent core; other types publish as usual.
    actions: (previous, context) =>
      context.schemaType === 'testimony'
        ? previous.map((action) => (action.action === 'publish' ? consentPublishAction(action) : action))
        : previous,
  },
})
