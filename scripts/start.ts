// `npm start`: runs the archive offline on this machine — the lake with the fictional seed archive,
// the Studio and the public site — and prints the consent report, and the demo accounts on the first run.
// The data is encrypted at rest: its key comes from LAKE_PASSPHRASE, LAKE_KEY_FILE, the `.lake-key`
// beside the data folder, or a passphrase typed here; the first start with none makes `.lake-key`.
// Ctrl-C, or SIGINT or SIGTERM sent to npm's process alone (as service managers do), stops it
// cleanly: package.json's `exec` makes this process the one npm forwards signals to.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { programmeDay, programmeTimeZoneOf, explainFailure } from '../core/index.ts'
import { defaultDataDir } from '../lake/cli.ts'
import { backupSettingsOf, openFolderKey } from '../lake/index.ts'
import { askHidden } from '../lake/passphraseInput.ts'
import { studioBuildDir } from '../studio/serveStudio.ts'
import { startArchive } from './archive.ts'

// A signal during start-up is kept and acted on once everything is up, so nothing is left half-started.
let stopRequested = false
const requestStop = () => {
  stopRequested = true
}
process.once('SIGINT', requestStop)
process.once('SIGTERM', requestStop)

// Checked first: a wrong PROGRAMME_TIME_ZONE, backup setting or key stops here, with what to do.
const timeZone = programmeTimeZoneOf(process.env)
const dataDir = process.env.LAKE_DATA ? resolve(process.env.LAKE_DATA) : defaultDataDir
let settings
try {
  const backups = backupSettingsOf(process.env)
  const key = await openFolderKey({
    dataDir,
    env: process.env,
    ask: process.stdin.isTTY ? askHidden : null,
    out: (line) => console.log(line),
  })
  settings = { key, backups }
} catch (error) {
  console.error(`npm start: ${explainFailure(error)}`)
  process.exit(1)
}
if (!existsSync(join(studioBuildDir, 'index.html'))) {
  console.log('Building the Studio once (about ten seconds)…')
  // No telemetry from the Sanity CLI: the archive makes no request to another host.
  execFileSync('npm', ['run', '-s', 'build:studio'], { stdio: 'inherit', env: { ...process.env, DO_NOT_TRACK: '1' } })
}
const archive = await startArchive({
  dataDir,
  ...settings,
  lakePort: Number(process.env.LAKE_PORT ?? 4444),
  studioPort: Number(process.env.STUDIO_PORT ?? 3333),
  sitePort: Number(process.env.SITE_PORT ?? 4321),
  out: (line) => console.log(line),
  today: () => programmeDay(new Date(), timeZone),
  timeZone,
})
const stop = async () => {
  console.log('Stopping: the site, the Studio, then the lake (the data stays).')
  await archive.stop()
  process.exit(0)
}
process.off('SIGINT', requestStop)
process.off('SIGTERM', requestStop)
if (stopRequested) await stop()
console.log('\nEverything runs on this machine and sends nothing out. Ctrl-C stops it; the data stays in the lake.')
process.once('SIGINT', () => void stop())
process.once('SIGTERM', () => void stop())
