// Who is asking: the user of the request's bearer token, or null when there is none.
import type { Context } from 'hono'
import { accessFor, type Access } from '../auth/access.ts'
import { unauthorized } from '../errors.ts'
import type { LakeServices } from './lakeEnv.ts'

export function bearerToken(c: Context): string {
  const header = c.req.header('Authorization') ?? ''
  return header.startsWith('Bearer ') ? header.slice(7).trim() : ''
}

export function optionalAccess(c: Context, services: LakeServices): Access | null {
  const token = bearerToken(c)
  if (!token) return null
  const user = services.tokens.authenticate(token)
  if (!user) throw unauthorized('This token is unknown or was revoked; sign in again with a valid lake token.')
  return accessFor(user)
}
