// Browsers load images with <img>, which sends no Authorization header. A signed-in Studio trades
// its token for a session cookie on the lake's host, which then authorises image and file requests.
// Sessions live in memory: after a restart the Studio simply asks again.
import { randomBytes } from 'node:crypto'

export const assetSessionCookie = 'lake_asset_session'
const lifetimeMs = 12 * 60 * 60 * 1000

export class AssetSessions {
  readonly #sessions = new Map<string, { token: string; expires: number }>()

  open(token: string, now: number): { id: string; maxAgeSeconds: number } {
    const id = randomBytes(24).toString('base64url')
    this.#sessions.set(id, { token, expires: now + lifetimeMs })
    return { id, maxAgeSeconds: lifetimeMs / 1000 }
  }

  /** The token behind a session, or null when it is unknown or has expired. */
  tokenOf(id: string, now: number): string | null {
    const session = this.#sessions.get(id)
    if (!session) return null
    if (session.expires < now) {
      this.#sessions.delete(id)
      return null
    }
    return session.token
  }
}
