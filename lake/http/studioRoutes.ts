// The endpoints around the data API that the Studio asks on start-up: who am I, what may I do,
// which datasets exist, and the optional ones it copes without (answered as recorded). The project
// and its members are in peopleRoutes.ts.
import { Hono } from 'hono'
import { roleGrants } from '../auth/roles.ts'
import { settingPairs } from '../auth/userSettings.ts'
import type { LakeEnv, LakeServices } from './lakeEnv.ts'
import { readJson, wrongBody } from './readJson.ts'

export function studioRoutes(services: LakeServices) {
  const app = new Hono<LakeEnv>()

  app.get('/:version/users/me', (c) => {
    const { user } = c.var.access
    const role = { name: user.role, title: roleGrants[user.role].title }
    return c.json({
      id: user.id,
      name: user.name,
      email: `${user.id}@lake.localhost`,
      profileImage: null,
      role: user.role,
      roles: [role],
      provider: 'lake',
    })
  })

  // The role's grants as they are: the Studio evaluates each filter against a document (and a new
  // document's initial values) to grey out what the role may not create or change.
  app.get('/:version/projects/:project/datasets/:dataset/acl', (c) => c.json(roleGrants[c.var.access.user.role].grants))

  app.get('/:version/projects/:project/user-applications', (c) => c.json([]))
  app.get('/:version/projects/:project/grants', (c) => c.json({}))
  app.get('/:version/features', (c) => c.json([]))
  // Her own settings, kept with her account: the Studio's language and preferences.
  app.get('/:version/users/me/keyvalue/:keys', (c) =>
    c.json(
      services.settings.get(
        c.var.access.user.id,
        c.req
          .param('keys')
          .split(',')
          .filter((key) => key !== ''),
      ),
    ),
  )
  app.put('/:version/users/me/keyvalue', async (c) => {
    const pairs = settingPairs.safeParse(await readJson(c.req.raw))
    if (!pairs.success) throw wrongBody('[{"key": "studio.locale", "value": "km-KH"}]', pairs.error)
    return c.json(services.settings.put(c.var.access.user.id, pairs.data))
  })
  app.get('/:version/journey/*', (c) => c.json({}))
  // Access requests are an online service of Sanity's; nobody asks for access here.
  app.get('/:version/access/requests/me', (c) => c.json([]))
  // The archive sends no telemetry: the Studio is told so, and anything it sends anyway is dropped.
  app.get('/:version/intake/telemetry-status', (c) => c.json({ status: 'denied' }))
  app.post('/:version/intake/batch', (c) => c.json({}))

  return app
}
