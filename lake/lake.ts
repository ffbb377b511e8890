// Opens a lake over a data folder: its datasets, its tokens and its HTTP application.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { defaultProgrammeTimeZone } from '../core/index.ts'
import { AssetSessions } from './auth/assetSessions.ts'
import { TokenStore } from './auth/tokenStore.ts'
import type { Clock } from './dataset.ts'
import { createLakeApp } from './http/lakeApp.ts'
import type { LakeServices } from './http/lakeEnv.ts'
import { LakeDatasets } from './lakeDatasets.ts'

export interface LakeOptions {
  dataDir: string
  projectId?: string
  corsOrigins?: ReadonlyArray<string>
  clock?: Clock
  /** The programme's time zone, in which "today" is reckoned for consent and erasure dates (default Asia/Phnom_Penh). */
  timeZone?: string
  log?: (line: string) => void
}

export const defaultProjectId = 'local'
export const defaultCorsOrigins = ['http://localhost:3333', 'http://127.0.0.1:3333', 'http://localhost:4321']

export function openLake(options: LakeOptions) {
  mkdirSync(options.dataDir, { recursive: true })
  const clock = options.clock ?? { now: () => new Date() }
  const services: LakeServices = {
    datasets: new LakeDatasets(options.dataDir, clock),
    tokens: new TokenStore(join(options.dataDir, 'tokens.sqlite')),
    assetSessions: new AssetSessions(),
    clock,
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
    },
  }
}
export type Lake = ReturnType<typeof openLake>
