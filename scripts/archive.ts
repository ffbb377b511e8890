// The whole archive on this machine: the lake (loading the fictional seed archive on first run),
// the Studio, the live public site, the fictional demo accounts (made on the first run, their
// passphrases shown once), the consent report, and the daily encrypted backups when they are set
// up. Used by `npm start`.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { consentReport, consentReportSummary, formatConsentReport } from '../core/index.ts'
import { defaultDataDir } from '../lake/cli.ts'
import {
  importDocuments,
  openLake,
  randomPassphrase,
  serveLake,
  startDailyBackups,
  type BackupSettings,
  type DataKey,
  type Lake,
} from '../lake/index.ts'
import { lakeClient } from '../wire/index.ts'
import { validateArchiveDocuments } from '../schemas/documentValidation.ts'
import { seedArchivePath } from '../seed/index.ts'
import { startLiveSite } from '../site/live/index.ts'
import { serveStudio } from '../studio/serveStudio.ts'

export interface ArchiveOptions {
  dataDir: string
  /** The data folder's key, unlocked (lake/atRest/folderKey.ts). */
  key: DataKey
  /** Daily encrypted backups (BACKUP_DIR…), or null for none. */
  backups: BackupSettings | null
  lakePort: number
  studioPort: number
  sitePort: number
  out: (line: string) => void
  /** The programme's day now (the consent report's and the live site's "today"). */
  today: () => string
  /** The programme's time zone, in which the lake reckons today for its consent guard. */
  timeZone: string
}

/** The fictional archive's demo accounts, made on the first run with random passphrases shown once. */
export const demoAccounts = [
  { userId: 'therapist-sovann', name: 'Sovann (fictional)', role: 'therapist' },
  { userId: 'supervisor-demo', name: 'Demo supervisor (fictional)', role: 'supervisor' },
  { userId: 'administrator-demo', name: 'Demo administrator (fictional)', role: 'administrator' },
] as const

const liveSiteTokenName = 'Site: the live public site'

async function addDemoAccounts(lake: Lake, now: Date) {
  const made = []
  for (const account of demoAccounts) {
    const passphrase = randomPassphrase()
    await lake.services.staff.add({ ...account, passphrase, now })
    made.push({ ...account, passphrase })
  }
  return made
}

export async function startArchive(options: ArchiveOptions) {
  // The Studio first, so that the lake lets its actual address (a free port in tests) sign in.
  const studioServer = await serveStudio(options.studioPort)
  const lake = openLake({
    dataDir: options.dataDir,
    key: options.key,
    timeZone: options.timeZone,
    corsOrigins: [`http://localhost:${studioServer.port}`, `http://127.0.0.1:${studioServer.port}`, `http://localhost:${options.sitePort}`],
  })
  const dataset = lake.services.datasets.ensure('production')
  const firstRun = dataset.documents().length === 0
  if (firstRun) {
    const result = importDocuments(dataset, await readFile(seedArchivePath, 'utf8'), { author: 'seed', replace: false })
    options.out(`Loaded the fictional seed archive: ${result.documents} documents.`)
  }
  const now = new Date()
  // The sign-in links of earlier versions, and the last start's site token, stop working.
  for (const token of lake.services.tokens.list())
    if ((token.name.startsWith('Demo: ') || token.name === liveSiteTokenName) && !token.revokedAt)
      lake.services.tokens.revoke(token.tokenId, now)
  const newAccounts = lake.services.staff.accounts.list().length === 0 ? await addDemoAccounts(lake, now) : []

  const lakeServer = await serveLake(lake, options.lakePort)
  // The whole check and report only when the seed was just loaded: on a working archive of
  // thousands of testimonies they would take long and fill the screen; the Studio's consent audit
  // has the report, and the Studio validates each document as it is written.
  let errors: number | null = null
  const today = options.today()
  const report = consentReport(dataset.documents(), today)
  if (firstRun) {
    // A token for the check alone, revoked when it is done.
    const checker = lake.services.tokens.create({ name: 'Start: schema check', role: 'administrator', now })
    const problems = await validateArchiveDocuments(
      dataset.documents().map((d) => ({ _createdAt: '', _updatedAt: '', _rev: '', ...d })),
      lakeClient({ port: lakeServer.port, token: checker.token }),
    ).finally(() => lake.services.tokens.revoke(checker.info.tokenId, new Date()))
    for (const problem of problems) options.out(`${problem.level}: ${problem.type} ${problem.id} ${problem.path}: ${problem.message}`)
    errors = problems.filter((problem) => problem.level === 'error').length
    options.out(
      `Validated ${dataset.documents().length} documents against the schema: ${errors} errors, ${problems.length - errors} warnings.\n`,
    )
    options.out(formatConsentReport(report, today))
  } else {
    options.out(`${consentReportSummary(report, today)} The full report: the Studio's Consent audit.`)
  }
  // The public site reads as the site build would, with a publisher token (read-only, published).
  const siteToken = lake.services.tokens.create({ name: liveSiteTokenName, role: 'publisher', userId: 'live-site', now }).token
  const site = await startLiveSite({
    client: lakeClient({ port: lakeServer.port, token: siteToken, perspective: 'published' }),
    folder: join(options.dataDir, 'site'),
    port: options.sitePort,
    today: options.today,
    log: options.out,
  })
  const backups = options.backups ? startDailyBackups({ ...options.backups, dataset, today: options.today, out: options.out }) : null
  // The first backup is made in the background, while the archive serves.
  void backups?.check()
  options.out('')
  options.out(`The lake:        http://localhost:${lakeServer.port}`)
  options.out(`The Studio:      http://localhost:${studioServer.port}`)
  options.out(`The public site: http://localhost:${site.port} (it follows publication and withdrawal by itself)`)
  options.out(
    options.backups
      ? `Backups:         ${options.backups.folder}, one a day, encrypted with age, the newest ${options.backups.keep} kept`
      : 'Backups:         none kept by `npm start`; set BACKUP_DIR for daily encrypted backups (README, "Backups")',
  )
  const lakeCommand = (args: string) => `npm run lake -- ${args}${options.dataDir === defaultDataDir ? '' : ` --data ${options.dataDir}`}`
  if (newAccounts.length > 0) {
    options.out('Fictional demo accounts, to sign in at the Studio (the passphrases are shown this once):')
    for (const account of newAccounts) options.out(`  ${account.userId.padEnd(20)} ${account.role.padEnd(14)} ${account.passphrase}`)
    options.out(
      `Change a passphrase with \`${lakeCommand('user passwd ID')}\`; add a person with \`${lakeCommand('user add --user ID --name NAME --role ROLE')}\`.`,
    )
  } else {
    const count = lake.services.staff.accounts.list().filter((account) => !account.disabledAt).length
    options.out(
      `Sign in with a staff account (${count} active: \`${lakeCommand('user list')}\`); a forgotten passphrase: \`${lakeCommand('user passwd ID')}\`.`,
    )
  }
  return {
    lakePort: lakeServer.port,
    studioPort: studioServer.port,
    sitePort: site.port,
    /** The demo accounts made by this start, with their passphrases; none after the first. */
    demoAccounts: newAccounts,
    errors,
    /** Today's backup, if backups are set up and it is not made yet (tests wait for it). */
    backUp: () => backups?.check() ?? Promise.resolve(),
    async stop() {
      await backups?.stop()
      await site.stop()
      await studioServer.close()
      await lakeServer.close()
      lake.close()
    },
  }
}
