// What the lake's HTTP layer hands from middleware to routes, and the services it is built on.
import type { Access } from '../auth/access.ts'
import type { AssetSessions } from '../auth/assetSessions.ts'
import type { TokenStore } from '../auth/tokenStore.ts'
import type { Clock } from '../dataset.ts'
import type { LakeDatasets } from '../lakeDatasets.ts'

export interface LakeServices {
  datasets: LakeDatasets
  tokens: TokenStore
  assetSessions: AssetSessions
  clock: Clock
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
