// Opens a lake over a data folder: its datasets, its tokens, its staff accounts and its HTTP
// application.
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as wait } from 'node:timers/promises'
import { SignInCodes } from './accounts/signInCodes.ts'
import type { FolderKey } from './atRest/dataKey.ts'
import { checkFolderKey } from './atRest/folderState.ts'
import { StaffAccounts } from './accounts/staffAccounts.ts'
import { defaultProgrammeTimeZone } from '../core/index.ts'
import { defaultProjectId } from '../wire/index.ts'
import { AssetSessions } from './auth/assetSessions.ts'
import { AssetUrlSignatures } from './auth/assetUrlSignatures.ts'
import { TokenStore } from './auth/tokenStore.ts'
import { UserSettings } from './auth/userSettings.ts'
import type { Clock } from './dataset.ts'
import { createLakeApp } from './http/lakeApp.ts'
import type { LakeServices } from './http/lakeEnv.ts'
import { LakeDatasets } from './lakeDatasets.ts'

export interface LakeOptions {
  dataDir: string
  /** The folder's data key (see lake/atRest), or 'plain' for a folder kept unencrypted. */
  key: FolderKey
  projectId?: string
  corsOrigins?: ReadonlyArray<string>
  clock?: Clock
  /** Waits before a slowed sign-in answer; tests pass one that only records the wait. */
  sleep?: (ms: number) => Promise<void>
  /** The programme's time zone, in which "today" is reckoned for consent and erasure dates (default Asia/Phnom_Penh). */
  timeZone?: string
  log?: (line: string) => void
}

export const defaultCorsOrigins = ['http://localhost:3333', 'http://127.0.0.1:3333', 'http://localhost:4321']

export function openLake(options: LakeOptions) {
  mkdirSync(options.dataDir, { recursive: true })
  // A wrong key, or a key for a plain folder, stops here, before any file is opened or written.
  checkFolderKey(options.dataDir, options.key)
  const clock = options.clock ?? { now: () => new Date() }
  const services: LakeServices = {
    datasets: new LakeDatasets(options.dataDir, clock, options.key),
    tokens: new TokenStore(join(options.dataDir, 'tokens.sqlite'), options.key),
    settings: new UserSettings(join(options.dataDir, 'settings.sqlite'), options.key),
    staff: new StaffAccounts(join(options.dataDir, 'accounts.sqlite'), options.key),
    signInCodes: new SignInCodes(),
    assetSessions: new AssetSessions(),
    // Derived from the data key, so addresses outlive a restart within their hour; a plain folder
    // has no key to derive from, and its addresses last only as long as the process.
    assetUrls: new AssetUrlSignatures(options.key === 'plain' ? randomBytes(32) : options.key.assetUrlKey),
    clock,
    sleep: options.sleep ?? ((ms) => wait(ms).then(() => undefined)),
    timeZone: options.timeZone ?? defaultProgrammeTimeZone,
    projectId: options.projectId ?? defaultProjectId,
    corsOrigins: options.corsOrigins ?? defaultCorsOrigins,
    log: options.log ?? ((line) => console.error(line)),
  }
  const app = createLakeApp(services)
  return {
    app,
    services,
    close() {
      services.datasets.close()
      services.tokens.close()
      services.settings.close()
      services.staff.close()
    },
  }
}
export type Lake = ReturnType<typeof openLake>
