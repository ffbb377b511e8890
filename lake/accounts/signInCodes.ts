// The one-time code (Sanity's "sid") a successful sign-in sends back to the Studio in the address's
// fragment, which the Studio then trades for a session token. A code works once, within a minute,
// and only from the address it was made for. Kept in memory: one lost in a restart is simply
// asked for again.
import { randomBytes } from 'node:crypto'

export const signInCodeLifetimeMs = 60 * 1000

interface Pending {
  userId: string
  /** The Studio origin (scheme, host, port) the code was sent to. */
  origin: string
  expiresAt: number
}

export class SignInCodes {
  readonly #pending = new Map<string, Pending>()

  issue(userId: string, origin: string, nowMs: number): string {
    for (const [code, pending] of this.#pending) if (pending.expiresAt <= nowMs) this.#pending.delete(code)
    const code = randomBytes(32).toString('base64url')
    this.#pending.set(code, { userId, origin, expiresAt: nowMs + signInCodeLifetimeMs })
    return code
  }

  /** The user a code stands for, once; null for an unknown, used or expired code. */
  redeem(code: string, nowMs: number): { userId: string; origin: string } | null {
    const pending = this.#pending.get(code)
    if (!pending) return null
    this.#pending.delete(code)
    return pending.expiresAt > nowMs ? { userId: pending.userId, origin: pending.origin } : null
  }
}
