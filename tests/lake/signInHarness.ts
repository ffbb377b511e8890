// Signing in as the Studio does, in process: the archive's form posted, the one-time code taken
// from the address it sends back to, and traded for a session token. The lake's clock and its
// sign-in waits are in the test's hands.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLake, type Lake } from '../../lake/index.ts'
import { keyFor } from './testKey.ts'
import { apiVersionPath } from '../../core/index.ts'

export const studioOrigin = 'http://localhost:3333'
export const v = apiVersionPath

export interface SignInLake {
  lake: Lake
  dataDir: string
  /** Every wait the lake asked for before a sign-in answer, in ms. */
  waits: number[]
  logged: string[]
  advance(ms: number): void
  now(): Date
}

export function openSignInLake(dataDir = mkdtempSync(join(tmpdir(), 'lake-signin-')), start = Date.parse('2026-11-30T08:00:00Z')) {
  let now = start
  const waits: number[] = []
  const logged: string[] = []
  const lake = openLake({
    dataDir,
    key: keyFor(dataDir),
    clock: { now: () => new Date(now) },
    sleep: async (ms) => {
      waits.push(ms)
    },
    log: (line) => logged.push(line),
    corsOrigins: [studioOrigin],
  })
  lake.services.datasets.ensure('production')
  const opened: SignInLake = {
    lake,
    dataDir,
    waits,
    logged,
    advance: (ms) => {
      now += ms
    },
    now: () => new Date(now),
  }
  return opened
}

/** Posts the sign-in form as the page would. */
export function postSignIn(
  lake: Lake,
  user: string,
  passphrase: string,
  origin = `${studioOrigin}/`,
  headers: Record<string, string> = {},
) {
  return lake.app.request('/v1/auth/login/archive', {
    method: 'POST',
    body: new URLSearchParams({ user, passphrase, origin }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  })
}

/** The one-time code in the address a sign-in answered with, or null. */
export function codeOf(response: Response): string | null {
  return /#sid=([^&]{20,})/.exec(response.headers.get('Location') ?? '')?.[1] ?? null
}

/** Trades a code for a session token as the Studio does; the response, and its token if any. */
export async function trade(lake: Lake, code: string): Promise<{ status: number; token: string | null }> {
  const response = await lake.app.request(`/v2026-05-04/auth/fetch?sid=${encodeURIComponent(code)}`, { headers: { Origin: studioOrigin } })
  const body: unknown = await response.json()
  const token = body && typeof body === 'object' ? Reflect.get(body, 'token') : null
  return { status: response.status, token: typeof token === 'string' ? token : null }
}

/** Signs in and returns the session token; throws when the sign-in is refused. */
export async function sessionToken(lake: Lake, user: string, passphrase: string): Promise<string> {
  const code = codeOf(await postSignIn(lake, user, passphrase))
  const token = code ? (await trade(lake, code)).token : null
  if (!token) throw new Error(`The sign-in of ${user} was refused`)
  return token
}

/** A request with a bearer token; the status and parsed JSON body. */
export async function asUser(lake: Lake, token: string, path: string, method = 'GET') {
  const response = await lake.app.request(path, { method, headers: { Authorization: `Bearer ${token}` } })
  const body: unknown = await response.json()
  return { status: response.status, body }
}
