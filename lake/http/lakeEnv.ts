// What the lake's HTTP layer hands from middleware to routes, and the services it is built on.
import type { SignInCodes } from '../accounts/signInCodes.ts'
import type { StaffAccounts } from '../accounts/staffAccounts.ts'
import type { Access } from '../auth/access.ts'
import type { AssetSessions } from '../auth/assetSessions.ts'
import type { AssetUrlSignatures } from '../auth/assetUrlSignatures.ts'
import type { TokenStore } from '../auth/tokenStore.ts'
import type { UserSettings } from '../auth/userSettings.ts'
import type { Clock } from '../dataset.ts'
import type { LakeDatasets } from '../lakeDatasets.ts'

export interface LakeServices {
  datasets: LakeDatasets
  tokens: TokenStore
  /** What each person keeps with her account (her language, the Studio's preferences). */
  settings: UserSettings
  /** Named staff accounts and their sign-in sessions. */
  staff: StaffAccounts
  /** One-time codes between a sign-in and the Studio's trading them for a session. */
  signInCodes: SignInCodes
  assetSessions: AssetSessions
  /** Signs and checks the expiring asset addresses given to readers who may load the asset. */
  assetUrls: AssetUrlSignatures
  clock: Clock
  /** Waits before a slowed sign-in answer (a seam for tests). */
  sleep: (ms: number) => Promise<void>
  /** The programme's time zone: consent dates are days there, not in UTC. */
  timeZone: string
  /** The project id the Studio and clients are configured with. */
  projectId: string
  /** Origins allowed to call the lake from a browser (the Studio, the site in development). */
  corsOrigins: ReadonlyArray<string>
  /** Where the lake reports what it did; never survivor data, only ids and counts. */
  log: (line: string) => void
}

export interface LakeEnv {
  Variables: { access: Access }
}
