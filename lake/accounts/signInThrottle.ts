// What wrong passphrases cost: each one in a row makes the next answer wait longer, and after a few
// the name is locked for a while, even for the right passphrase. Pure: the times are passed in.

/** Wrong passphrases in a row that lock the name. */
export const wrongPassphrasesBeforeLock = 5
/** How long a locked name stays locked (an administrator's `user passwd` unlocks it at once). */
export const lockoutMs = 15 * 60 * 1000
/** The wait before answering after one wrong passphrase; it doubles with each further one. */
export const firstDelayMs = 1000
/** The longest wait before an answer. */
export const longestDelayMs = 8000

/** Wrong passphrases typed for one user name, as stored. */
export interface WrongPassphrases {
  /** In a row since the last success or the last lock. */
  count: number
  /** When the lock ends (ms since the epoch), or null. */
  lockedUntil: number | null
}

export type SignInGate = { kind: 'locked'; untilMs: number } | { kind: 'open'; delayMs: number }

/** Whether a sign-in for the name may be tried now, and how long to wait before answering. */
export function signInGate(wrong: WrongPassphrases | null, nowMs: number): SignInGate {
  if (!wrong) return { kind: 'open', delayMs: 0 }
  if (wrong.lockedUntil !== null && wrong.lockedUntil > nowMs) return { kind: 'locked', untilMs: wrong.lockedUntil }
  return { kind: 'open', delayMs: delayAfter(wrong.count) }
}

export function delayAfter(wrongInARow: number): number {
  return wrongInARow <= 0 ? 0 : Math.min(firstDelayMs * 2 ** (wrongInARow - 1), longestDelayMs)
}

/** The record after one more wrong passphrase: the count grows, and at the limit the name locks. */
export function afterWrongPassphrase(wrong: WrongPassphrases | null, nowMs: number): WrongPassphrases {
  const count = (wrong?.count ?? 0) + 1
  return count >= wrongPassphrasesBeforeLock
    ? { count: 0, lockedUntil: nowMs + lockoutMs }
    : { count, lockedUntil: wrong?.lockedUntil ?? null }
}
