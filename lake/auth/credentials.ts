// Who a bearer token stands for: the user of an API token (scripts, the site build, `#token=`
// links), or the staff account of a sign-in session; else why it no longer signs in.
import type { StaffAccounts } from '../accounts/staffAccounts.ts'
import type { Clock } from '../dataset.ts'
import type { LakeUser, TokenStore } from './tokenStore.ts'

export type Credential = { kind: 'user'; user: LakeUser } | { kind: 'ended'; why: 'expired' | 'unknown' }

export interface CredentialSources {
  tokens: TokenStore
  staff: StaffAccounts
  clock: Clock
}

/** `touch` counts the request as the person's use of her session (it slides the idle limit). */
export function authenticate(sources: CredentialSources, token: string, touch = true): Credential {
  const user = sources.tokens.authenticate(token)
  if (user) return { kind: 'user', user }
  const session = sources.staff.sessions.check(token, sources.clock.now(), touch)
  if (!session) return { kind: 'ended', why: 'unknown' }
  if (session.kind === 'expired') return { kind: 'ended', why: 'expired' }
  if (session.kind === 'ended') return { kind: 'ended', why: 'unknown' }
  const account = sources.staff.accounts.get(session.userId)
  // Disabling ends the sessions; this only guards against an account removed by hand.
  if (!account || account.disabledAt) return { kind: 'ended', why: 'unknown' }
  return { kind: 'user', user: { id: account.id, name: account.name, role: account.role } }
}

/** The user of a token, or null: for checks that only need a yes (presence, asset sessions). */
export function userOf(sources: CredentialSources, token: string, touch = true): LakeUser | null {
  const credential = authenticate(sources, token, touch)
  return credential.kind === 'user' ? credential.user : null
}
