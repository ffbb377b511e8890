// A real lake on a temporary folder, served on a free port, with a token per role and a real
// @sanity/client for each.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SanityClient } from '@sanity/client'
import { openLake, serveLake, type Lake, type Role } from '../../lake/index.ts'
import { lakeClient } from '../../wire/index.ts'
import { keyFor } from './testKey.ts'

export interface LakeHarness {
  lake: Lake
  port: number
  dataDir: string
  tokens: Record<Role, string>
  client(role: Role | null, options?: { perspective?: 'raw' | 'published' | 'drafts' }): SanityClient
  stop(): Promise<void>
}

export interface LakeHarnessOptions {
  dataDir?: string
  keep?: boolean
  port?: number
  today?: string
  /** An unencrypted folder: for the forensic tests, which look for her words in the files' bytes. */
  plain?: boolean
}

export async function startLake(options: LakeHarnessOptions = {}): Promise<LakeHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lake-test-'))
  const logged: string[] = []
  const clock = options.today ? { now: () => new Date(`${options.today}T12:00:00Z`) } : undefined
  const lake = openLake({
    dataDir,
    key: options.plain ? 'plain' : keyFor(dataDir),
    log: (line) => logged.push(line),
    ...(clock ? { clock } : {}),
  })
  lake.services.datasets.ensure('production')
  const now = new Date()
  const tokens = {
    administrator: lake.services.tokens.create({ name: 'Admin (test)', role: 'administrator', userId: 'admin-test', now }).token,
    supervisor: lake.services.tokens.create({ name: 'Supervisor (test)', role: 'supervisor', userId: 'supervisor-test', now }).token,
    therapist: lake.services.tokens.create({ name: 'Sophea (test)', role: 'therapist', userId: 'therapist-sophea', now }).token,
    publisher: lake.services.tokens.create({ name: 'Site build (test)', role: 'publisher', userId: 'publisher-test', now }).token,
  }
  const server = await serveLake(lake, options.port ?? 0)
  return {
    lake,
    port: server.port,
    dataDir,
    tokens,
    client: (role, clientOptions = {}) =>
      lakeClient({ port: server.port, ...(role ? { token: tokens[role] } : {}), perspective: clientOptions.perspective ?? 'raw' }),
    async stop() {
      await server.close()
      lake.close()
      if (!options.keep && !options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
