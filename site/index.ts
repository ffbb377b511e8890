// The public site: what scripts and tests use. buildSite builds it from a backend; the loader and
// the backend choice are usable on their own (a later rebuild on publish or withdrawal calls them).
export { buildSite, type BuildSiteOptions, type SiteBuildReport } from './build/buildSite.ts'
export { buildInChildProcess } from './build/buildInChildProcess.ts'
export { startSiteDev, type SiteDevOptions, type SiteDevServer } from './build/siteDevServer.ts'
export { loadSiteContent, type LoadedContent } from './content/contentLoader.ts'
export { siteContent, type SiteContent } from './content/siteContent.ts'
export { readLedger, writeLedger, mergeLedger, type LedgerEntry } from './content/publicationLedger.ts'
export { readSiteEnvironment, siteBackend, siteEnvironment, type SiteBackend, type SiteEnvironment } from './siteBackend.ts'
export { spacedKhmer, khmerWords } from './search/khmerWords.ts'
export { searchTokens } from './search/searchTokens.ts'
export { searchOptions } from './search/searchMarks.ts'
export { searchRecords } from './search/searchRecords.ts'
export { siteRoot } from './build/astroConfig.ts'
