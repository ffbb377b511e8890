// Who is asking: the user of the request's bearer token (an API token or a staff session), or null
// when there is none.
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { assetSessionCookie } from '../auth/assetSessions.ts'
import { accessFor, type Access } from '../auth/access.ts'
import { authenticate, userOf } from '../auth/credentials.ts'
import { sessionEnded } from '../errors.ts'
import type { LakeServices } from './lakeEnv.ts'

export function bearerToken(c: Context): string {
  const header = c.req.header('Authorization') ?? ''
  return header.startsWith('Bearer ') ? header.slice(7).trim() : ''
}

export function optionalAccess(c: Context, services: LakeServices): Access | null {
  const token = bearerToken(c)
  if (!token) return null
  const credential = authenticate(services, token)
  if (credential.kind === 'ended') throw sessionEnded(credential.why)
  return accessFor(credential.user)
}

/** For images and files: the bearer token, else the asset session cookie the Studio opened. */
export function assetAccess(c: Context, services: LakeServices): Access | null {
  if (bearerToken(c)) return optionalAccess(c, services)
  const session = getCookie(c, assetSessionCookie)
  const token = session ? services.assetSessions.tokenOf(session, services.clock.now().getTime()) : null
  const user = token ? userOf(services, token) : null
  return user ? accessFor(user) : null
}
