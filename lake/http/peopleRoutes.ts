// The people of the archive, as hosted Sanity lists a project's members and users: the Studio's
// user store and person pickers read names from here. Only staff may ask; the publisher (the site
// build) learns nothing about people.
import { Hono } from 'hono'
import { isStaffRole, type StaffAccount } from '../accounts/accountStore.ts'
import { roleGrants } from '../auth/roles.ts'
import type { LakeUser } from '../auth/tokenStore.ts'
import { forbidden } from '../errors.ts'
import type { LakeEnv, LakeServices } from './lakeEnv.ts'

/** A person as Sanity's `/users/:ids` describes one. */
function sanityUser(person: LakeUser & { createdAt: string; updatedAt: string }, projectId: string, me: string) {
  return {
    id: person.id,
    projectId,
    displayName: person.name,
    familyName: null,
    givenName: null,
    middleName: null,
    imageUrl: null,
    createdAt: person.createdAt,
    updatedAt: person.updatedAt,
    isCurrentUser: person.id === me,
  }
}

/** An account as a member of Sanity's project. */
function member(account: StaffAccount, me: string) {
  return {
    id: account.id,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
    isCurrentUser: account.id === me,
    isRobot: false,
    role: account.role,
    roles: [{ name: account.role, title: roleGrants[account.role].title }],
  }
}

export function peopleRoutes(services: LakeServices) {
  const app = new Hono<LakeEnv>()

  app.get('/:version/projects/:project', (c) => {
    const { user } = c.var.access
    const members = isStaffRole(user.role)
      ? services.staff.accounts
          .list()
          .filter((account) => !account.disabledAt)
          .map((account) => member(account, user.id))
      : []
    return c.json({
      id: services.projectId,
      displayName: 'Testimony Archive (local lake)',
      studioHost: null,
      isBlocked: false,
      isDisabled: false,
      isDisabledByUser: false,
      organizationId: null,
      metadata: {},
      members,
    })
  })

  // One id answers one user, several a list, as Sanity does; an id nobody has is left out. People
  // known only by an API token (scripts, `#token=` links) are named from their token.
  app.get('/:version/users/:ids', (c) => {
    const { user } = c.var.access
    if (!isStaffRole(user.role)) throw forbidden('Only staff may look up people; the publisher token reads published content only')
    const ids = c.req.param('ids').split(',').slice(0, 400)
    const tokens = services.tokens.list().filter((token) => !token.revokedAt && isStaffRole(token.role))
    const people = ids.flatMap((id) => {
      const account = services.staff.accounts.get(id)
      if (account) return [sanityUser(account, services.projectId, user.id)]
      const token = tokens.findLast((t) => t.id === id)
      return token ? [sanityUser({ ...token, updatedAt: token.createdAt }, services.projectId, user.id)] : []
    })
    return c.json(ids.length === 1 && people[0] ? people[0] : people)
  })

  return app
}
