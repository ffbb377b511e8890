// Sanity CLI settings for building the Studio; the backend is chosen in sanity.config.ts.
import { defineCliConfig } from 'sanity/cli'

export default defineCliConfig({
  api: { projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'local', dataset: process.env.SANITY_STUDIO_DATASET || 'production' },
  studioHost: undefined,
  deployment: { autoUpdates: false },
  telemetry: false,
})
