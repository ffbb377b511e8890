// Sanity CLI settings for building the Studio; the backend is chosen in sanity.config.ts.
import { defineCliConfig } from 'sanity/cli'
import { programmeTimeZoneOf } from './core/index.ts'

// The archive is configured with SANITY_PROJECT_ID and SANITY_DATASET everywhere; the Studio bundle
// only sees SANITY_STUDIO_* variables, so the build passes them on under those names.
process.env.SANITY_STUDIO_PROJECT_ID ??= process.env.SANITY_PROJECT_ID ?? ''
process.env.SANITY_STUDIO_DATASET ??= process.env.SANITY_DATASET ?? ''
// The programme's time zone ("today" for consent dates), checked here so that a wrong name stops the build.
process.env.SANITY_STUDIO_PROGRAMME_TIME_ZONE ??= programmeTimeZoneOf(process.env)

export default defineCliConfig({
  api: { projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'local', dataset: process.env.SANITY_STUDIO_DATASET || 'production' },
  studioHost: undefined,
  deployment: { autoUpdates: false },
  telemetry: false,
})
