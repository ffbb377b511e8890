// Erasure over HTTP: `POST /vX/data/erase/:dataset` with {"testimonyId": "…"}, for administrators
// only. Not part of Sanity's API (hosted Sanity can not purge history); the Studio calls it on the lake.
import { Hono } from 'hono'
import { z } from 'zod'
import { programmeDay } from '../../core/index.ts'
import { eraseTestimony } from '../erasure.ts'
import { badRequest, forbidden } from '../errors.ts'
import type { LakeEnv, LakeServices } from './lakeEnv.ts'
import { readJson } from './readJson.ts'

const erasureBody = z.object({ testimonyId: z.string().min(1).max(200) })

export function erasureRoutes(services: LakeServices) {
  const app = new Hono<LakeEnv>()
  app.post('/:version/data/erase/:dataset', async (c) => {
    const { user } = c.var.access
    if (user.role !== 'administrator') throw forbidden('Erase: only an administrator may erase a testimony')
    const body = erasureBody.safeParse(await readJson(c.req.raw))
    if (!body.success) throw badRequest('Erase: send JSON like {"testimonyId": "testimony-07"}')
    const dataset = services.datasets.get(c.req.param('dataset'))
    const result = eraseTestimony(dataset, body.data.testimonyId, {
      author: user.id,
      now: services.clock.now(),
      today: programmeDay(services.clock.now(), services.timeZone),
    })
    services.log(`erased testimony ${body.data.testimonyId}: ${result.documentsRemoved} documents, ${result.assetsRemoved} assets`)
    return c.json(result)
  })
  return app
}
