// One sign-in with a user name and a passphrase. The answer never tells an unknown name from a wrong
// passphrase (an unknown name costs the same scrypt work, and is counted and locked the same way);
// wrong passphrases in a row slow the next answer and then lock the name for a while. The log names
// the account and the outcome, never what was typed as a passphrase, nor a name without an account.
import type { Clock } from '../dataset.ts'
import type { StaffAccount } from './accountStore.ts'
import { hashIsWeaker, hashPassphrase, maxPassphraseLength, passphraseMatches, randomPassphrase } from './passphrase.ts'
import { afterWrongPassphrase, lockoutMs, signInGate } from './signInThrottle.ts'
import type { StaffAccounts } from './staffAccounts.ts'

export type SignInOutcome = { kind: 'signed-in'; account: StaffAccount } | { kind: 'refused' } | { kind: 'locked'; untilMs: number }

export interface SignInServices {
  staff: StaffAccounts
  clock: Clock
  /** Waits before a slowed answer; tests pass one that only records the wait. */
  sleep: (ms: number) => Promise<void>
  log: (line: string) => void
}

/** A hash to check unknown names against, so that they take as long as known ones. */
let standIn: Promise<string> | null = null
const standInHash = () => (standIn ??= hashPassphrase(randomPassphrase()))

/** User names are typed by hand: surrounding spaces and capitals do not matter. */
export const typedUserId = (typed: string) => typed.trim().toLowerCase()

export async function signInStaff(services: SignInServices, typedName: string, passphrase: string): Promise<SignInOutcome> {
  const { staff, clock, log } = services
  const name = typedUserId(typedName)
  const gate = signInGate(staff.wrongPassphrases.get(name), clock.now().getTime())
  const account = staff.accounts.get(name)
  const who = account ? account.id : 'a name without an account'
  if (gate.kind === 'locked') {
    log(`lake: sign-in of ${who} refused: locked until ${new Date(gate.untilMs).toISOString()} after wrong passphrases`)
    return { kind: 'locked', untilMs: gate.untilMs }
  }
  if (gate.delayMs > 0) await services.sleep(gate.delayMs)

  const hash = account && !account.disabledAt ? staff.accounts.passphraseHash(account.id) : null
  const usable = passphrase.length <= maxPassphraseLength
  const matches = await passphraseMatches(usable ? passphrase : '', hash ?? (await standInHash()))
  const now = clock.now()
  // Another answer may have locked the name while this one waited.
  const relocked = signInGate(staff.wrongPassphrases.get(name), now.getTime())
  if (relocked.kind === 'locked') return { kind: 'locked', untilMs: relocked.untilMs }
  if (account && hash && usable && matches) {
    staff.wrongPassphrases.clear(name)
    if (hashIsWeaker(hash)) staff.accounts.setPassphrase(account.id, await hashPassphrase(passphrase), now)
    log(`lake: sign-in of ${account.id}: signed in`)
    return { kind: 'signed-in', account }
  }
  const wrong = afterWrongPassphrase(staff.wrongPassphrases.get(name), now.getTime())
  staff.wrongPassphrases.set(name, wrong, now.getTime())
  const why = !account ? 'no such account' : account.disabledAt ? 'the account is disabled' : 'wrong passphrase'
  if (wrong.lockedUntil !== null && wrong.lockedUntil > now.getTime()) {
    log(`lake: sign-in of ${who} refused (${why}); locked for ${lockoutMs / 60_000} minutes`)
    return { kind: 'locked', untilMs: wrong.lockedUntil }
  }
  log(`lake: sign-in of ${who} refused (${why}, ${wrong.count} in a row)`)
  return { kind: 'refused' }
}
