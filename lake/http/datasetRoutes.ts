// Sanity's dataset API (what @sanity/client's `datasets` calls): list for staff, create, edit and
// delete for administrators. Every dataset of the lake is private: its roles decide who reads what.
import { Hono } from 'hono'
import { z } from 'zod'
import { badRequest, forbidden } from '../errors.ts'
import type { Access } from '../auth/access.ts'
import type { LakeEnv, LakeServices } from './lakeEnv.ts'
import { parseJson } from './readJson.ts'

const datasetOptions = z.object({ aclMode: z.string().optional() }).nullish()

function administrator(access: Access): void {
  if (access.user.role !== 'administrator')
    throw forbidden(`Only an administrator may create, change or delete a dataset; the ${access.user.role} role may not`)
}

/** The lake keeps every dataset private; a public one would show documents to anyone without a token. */
async function privateOnly(request: Request): Promise<void> {
  const text = await request.text()
  const options = datasetOptions.safeParse(text.trim() === '' ? null : parseJson(text, 'The request body'))
  if (!options.success) throw badRequest('The body must be JSON like {"aclMode": "private"}', 'invalidRequestError')
  const mode = options.data?.aclMode
  if (mode !== undefined && mode !== 'private')
    throw badRequest(
      `The lake keeps every dataset private (asked for "${mode}"); send {"aclMode": "private"} or no body`,
      'invalidRequestError',
    )
}

export function datasetRoutes(services: LakeServices) {
  const app = new Hono<LakeEnv>()
  const list = () => services.datasets.names().map((name) => ({ name, aclMode: 'private' }))

  app.get('/:version/datasets', (c) => c.json(list()))
  app.get('/:version/projects/:project/datasets', (c) => c.json(list()))

  app.put('/:version/datasets/:name', async (c) => {
    administrator(c.var.access)
    await privateOnly(c.req.raw)
    const dataset = services.datasets.create(c.req.param('name'))
    services.log(`lake: ${c.var.access.user.id} created dataset ${dataset.name}`)
    return c.json({ datasetName: dataset.name, aclMode: 'private' })
  })

  app.patch('/:version/datasets/:name', async (c) => {
    administrator(c.var.access)
    await privateOnly(c.req.raw)
    const dataset = services.datasets.get(c.req.param('name'))
    return c.json({ datasetName: dataset.name, aclMode: 'private' })
  })

  app.delete('/:version/datasets/:name', (c) => {
    administrator(c.var.access)
    const name = c.req.param('name')
    services.datasets.delete(name)
    services.log(`lake: ${c.var.access.user.id} deleted dataset ${name}`)
    return c.json({ deleted: true })
  })

  return app
}
