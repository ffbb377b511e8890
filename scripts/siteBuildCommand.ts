// What `npm run build:site` does: build the site from the configured backend. On hosted Sanity or
// with LAKE_TOKEN it uses that token. Otherwise it mints a short-lived publisher token in the local
// lake's data folder, uses the lake already serving that folder at LAKE_URL or else serves it itself
// for the build, and revokes the token afterwards. The build runs in a process and folders of its
// own, so that it can not collide with the live site's rebuilds or another build. `npm run dev`
// reads through the same client (withSiteClient) for as long as its server runs.
import type { SanityClient } from '@sanity/client'
import { existsSync } from 'node:fs'
import { programmeDay, apiVersionPath, HintedError } from '../core/index.ts'
import { openLake, serveLake, type DataKey } from '../lake/index.ts'
import { buildInChildProcess, readSiteEnvironment, siteBackend, type SiteBuildReport } from '../site/index.ts'
import { lakeClient } from '../wire/index.ts'

export interface SiteBuildCommand {
  env: Record<string, string | undefined>
  outDir: string
  lakeDataDir: string
  /** Unlocks the lake's data folder (its key from the environment, a key file or a prompt). */
  openLakeKey: (dataDir: string) => Promise<DataKey>
  /** The clock's now; the build is as of the programme's day then, or of SITE_TODAY. */
  now: Date
  out: (line: string) => void
}

/** What a build or the dev server reads as: the day, and the public address and "leave" page if set. */
export interface SiteReading {
  today: string
  siteUrl?: string
  leaveUrl?: string
}

export const runSiteBuild = (command: SiteBuildCommand): Promise<SiteBuildReport> =>
  withSiteClient(command, (client, reading) => buildInChildProcess({ client, outDir: command.outDir, ...reading }))

/** Runs `use` with a publisher client of the configured backend; a token minted for it is revoked when `use` ends. */
export async function withSiteClient<T>(
  command: Omit<SiteBuildCommand, 'outDir'>,
  use: (client: SanityClient, reading: SiteReading) => Promise<T>,
): Promise<T> {
  const env = readSiteEnvironment(command.env)
  const backend = siteBackend(env)
  const today = env.SITE_TODAY ?? programmeDay(command.now, env.PROGRAMME_TIME_ZONE)
  const common = {
    today,
    ...(env.SITE_URL ? { siteUrl: env.SITE_URL } : {}),
    ...(env.LEAVE_URL ? { leaveUrl: env.LEAVE_URL } : {}),
  }
  if (backend.kind === 'sanity') {
    command.out(`Reading the site from hosted Sanity as of ${today}…`)
    return use(backend.client, common)
  }
  if (backend.client) {
    command.out(`Reading the site from ${backend.url} as of ${today}…`)
    return use(backend.client, common)
  }
  if (!existsSync(command.lakeDataDir)) {
    throw new HintedError(
      `No lake data in ${command.lakeDataDir} and no LAKE_TOKEN or SANITY_PROJECT_ID.`,
      'run `npm start` once (it loads the fictional seed), or set LAKE_TOKEN to a publisher token of a running lake.',
    )
  }
  const key = await command.openLakeKey(command.lakeDataDir)
  const lake = openLake({ dataDir: command.lakeDataDir, key, timeZone: env.PROGRAMME_TIME_ZONE, log: () => {} })
  const minted = lake.services.tokens.create({
    name: 'Site build (npm run build:site)',
    role: 'publisher',
    userId: 'site-build',
    now: new Date(),
  })
  // The lake at LAKE_URL is used only if it serves this data folder, i.e. knows the token just minted.
  const running = await answers(`${backend.url}${apiVersionPath}/users/me`, minted.token)
  const server = running ? null : await serveLake(lake, 0)
  const port = server ? server.port : Number(new URL(backend.url).port || 80)
  command.out(`Reading the site from ${server ? `the lake data in ${command.lakeDataDir}` : backend.url} as of ${today}…`)
  try {
    return await use(lakeClient({ port, token: minted.token, perspective: 'published' }), common)
  } finally {
    lake.services.tokens.revoke(minted.info.tokenId, new Date())
    await server?.close()
    lake.close()
  }
}

async function answers(url: string, token: string): Promise<boolean> {
  try {
    return (await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(1000) })).ok
  } catch {
    return false
  }
}
