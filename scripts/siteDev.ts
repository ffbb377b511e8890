// `npm run dev`: Astro's development server for the public site, with hot reload on editing
// site/src, over the archive read through the consent gate as `npm run build` reads it (see
// site/build/siteDevServer.ts). With no hosted Sanity or LAKE_TOKEN configured it reads the local
// lake's data folder, loading the fictional seed first if the folder holds no archive, and serves
// that lake itself if none is running. Port: SITE_PORT (4321, or the next free one).
import { resolve } from 'node:path'
import { explainFailure, programmeTimeZoneOf } from '../core/index.ts'
import { defaultDataDir } from '../lake/cli.ts'
import { openFolderKey, type DataKey } from '../lake/index.ts'
import { askHidden } from '../lake/passphraseInput.ts'
import { readSiteEnvironment, siteBackend, startSiteDev } from '../site/index.ts'
import { seedIfEmpty } from './seededLake.ts'
import { withSiteClient } from './siteBuildCommand.ts'

const out = (line: string) => console.log(line)
const stopped = new Promise<string>((resolve) => {
  process.once('SIGINT', () => resolve('SIGINT'))
  process.once('SIGTERM', () => resolve('SIGTERM'))
})
try {
  const env = readSiteEnvironment(process.env)
  const dataDir = process.env.LAKE_DATA ? resolve(process.env.LAKE_DATA) : defaultDataDir
  let key: DataKey | null = null
  const openLakeKey = async (folder: string) =>
    (key ??= await openFolderKey({ dataDir: folder, env: process.env, ask: process.stdin.isTTY ? askHidden : null, out }))
  const backend = siteBackend(env)
  if (backend.kind === 'lake' && !backend.client) {
    const loaded = await seedIfEmpty({ dataDir, key: await openLakeKey(dataDir), timeZone: programmeTimeZoneOf(process.env) })
    if (loaded > 0) out(`Loaded the fictional seed archive into ${dataDir}: ${loaded} documents.`)
  }
  await withSiteClient({ env: process.env, lakeDataDir: dataDir, openLakeKey, now: new Date(), out }, async (client, reading) => {
    const server = await startSiteDev({ client, ...reading, port: Number(process.env.SITE_PORT ?? 4321) })
    for (const problem of server.problems) out(`warning: ${problem}`)
    out(`The site's development server: ${server.url} (${server.stories} public stories as of ${reading.today}; edits in site/src reload).`)
    out('Ctrl-C stops it. It read the archive once: restart it to see later changes.')
    await stopped
    await server.stop()
  })
  process.exit(0)
} catch (error) {
  console.error(`npm run dev: ${explainFailure(error)}`)
  process.exit(1)
}
