// The whole archive on this machine: the lake (loading the fictional seed archive on first run),
// the Studio, the live public site, a sign-in link per demo user, and the consent report. Used by
// `npm start`.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { consentReport, consentReportSummary, formatConsentReport } from '../core/index.ts'
import { importDocuments, lakeClient, openLake, serveLake } from '../lake/index.ts'
import { validateArchiveDocuments } from '../schemas/documentValidation.ts'
import { seedArchivePath } from '../seed/index.ts'
import { startLiveSite } from '../site/live/index.ts'
import { serveStudio } from '../studio/serveStudio.ts'

export interface ArchiveOptions {
  dataDir: string
  lakePort: number
  studioPort: number
  sitePort: number
  out: (line: string) => void
  /** The programme's day now (the consent report's and the live site's "today"). */
  today: () => string
  /** The programme's time zone, in which the lake reckons today for its consent guard. */
  timeZone: string
}

/** Demo users of the fictional archive; their tokens are made anew at each start (only hashes are kept). */
export const demoUsers = [
  { userId: 'therapist-sovann', name: 'Demo: Sovann, therapist (fictional)', role: 'therapist' },
  { userId: 'supervisor-demo', name: 'Demo: clinical supervisor (fictional)', role: 'supervisor' },
  { userId: 'administrator-demo', name: 'Demo: administrator (fictional)', role: 'administrator' },
] as const

const liveSiteTokenName = 'Site: the live public site'

export async function startArchive(options: ArchiveOptions) {
  const lake = openLake({
    dataDir: options.dataDir,
    timeZone: options.timeZone,
    corsOrigins: [
      `http://localhost:${options.studioPort}`,
      `http://127.0.0.1:${options.studioPort}`,
      `http://localhost:${options.sitePort}`,
    ],
  })
  const dataset = lake.services.datasets.ensure('production')
  const firstRun = dataset.documents().length === 0
  if (firstRun) {
    const result = importDocuments(dataset, await readFile(seedArchivePath, 'utf8'), { author: 'seed', replace: false })
    options.out(`Loaded the fictional seed archive: ${result.documents} documents.`)
  }
  const now = new Date()
  for (const token of lake.services.tokens.list())
    if ((token.name.startsWith('Demo: ') || token.name === liveSiteTokenName) && !token.revokedAt)
      lake.services.tokens.revoke(token.tokenId, now)
  const links = demoUsers.map((user) => ({
    ...user,
    token: lake.services.tokens.create({ name: user.name, role: user.role, userId: user.userId, now }).token,
  }))

  const lakeServer = await serveLake(lake, options.lakePort)
  // The whole check and report only when the seed was just loaded: on a working archive of
  // thousands of testimonies they would take long and fill the screen; the Studio's consent audit
  // has the report, and the Studio validates each document as it is written.
  let errors: number | null = null
  const today = options.today()
  const report = consentReport(dataset.documents(), today)
  if (firstRun) {
    const administrator = links.find((link) => link.role === 'administrator')
    const problems = await validateArchiveDocuments(
      dataset.documents().map((d) => ({ _createdAt: '', _updatedAt: '', _rev: '', ...d })),
      lakeClient({ port: lakeServer.port, ...(administrator ? { token: administrator.token } : {}) }),
    )
    for (const problem of problems) options.out(`${problem.level}: ${problem.type} ${problem.id} ${problem.path}: ${problem.message}`)
    errors = problems.filter((problem) => problem.level === 'error').length
    options.out(
      `Validated ${dataset.documents().length} documents against the schema: ${errors} errors, ${problems.length - errors} warnings.\n`,
    )
    options.out(formatConsentReport(report, today))
  } else {
    options.out(`${consentReportSummary(report, today)} The full report: the Studio's Consent audit.`)
  }
  const studioServer = await serveStudio(options.studioPort)
  // The public site reads as the site build would, with a publisher token (read-only, published).
  const siteToken = lake.services.tokens.create({ name: liveSiteTokenName, role: 'publisher', userId: 'live-site', now }).token
  const site = await startLiveSite({
    client: lakeClient({ port: lakeServer.port, token: siteToken, perspective: 'published' }),
    folder: join(options.dataDir, 'site'),
    port: options.sitePort,
    today: options.today,
    log: options.out,
  })
  options.out('')
  options.out(`The lake:        http://localhost:${lakeServer.port}`)
  options.out(`The Studio:      http://localhost:${studioServer.port}`)
  options.out(`The public site: http://localhost:${site.port} (it follows publication and withdrawal by itself)`)
  options.out('Sign in as (links made anew at each start; fictional demo users):')
  for (const link of links) options.out(`  ${link.name.replace('Demo: ', '')}: http://localhost:${studioServer.port}/#token=${link.token}`)
  return {
    lakePort: lakeServer.port,
    studioPort: studioServer.port,
    sitePort: site.port,
    links,
    errors,
    async stop() {
      await site.stop()
      await studioServer.close()
      await lakeServer.close()
      lake.close()
    },
  }
}
