// The live public site: serves the last build and follows publication and withdrawal as they happen.
export { startLiveSite, type LiveSite, type LiveSiteOptions } from './liveSite.ts'
export { liveSiteApp, type LiveSiteState } from './liveSiteApp.ts'
export { refusedOutput, withoutCards, withoutSitemapEntries, type RefusedOutput } from './withdrawnFilter.ts'
