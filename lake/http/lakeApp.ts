// The lake's HTTP application: CORS for the Studio's origins, the body limit, token sign-in, the
// routes, and the one place where errors become responses in Sanity's error shape.
import { Hono } from 'hono'
import { LakeError, unauthorized } from '../errors.ts'
import { maxAssetBytes, maxMutationBodyBytes } from '../limits.ts'
import { assetRoutes } from './assetRoutes.ts'
import { corsHeaders } from './corsHeaders.ts'
import { dataRoutes } from './dataRoutes.ts'
import { datasetRoutes } from './datasetRoutes.ts'
import { declaredBodyLimit } from './declaredBodyLimit.ts'
import { drainUnreadBody } from './drainUnreadBody.ts'
import { erasureRoutes } from './erasureRoutes.ts'
import type { LakeEnv, LakeServices } from './lakeEnv.ts'
import { historyRoutes } from './historyRoutes.ts'
import { listenRoutes } from './listenRoutes.ts'
import { peopleRoutes } from './peopleRoutes.ts'
import { optionalAccess } from './signIn.ts'
import { signInRoutes } from './signInRoutes.ts'
import { studioRoutes } from './studioRoutes.ts'

export function createLakeApp(services: LakeServices) {
  const app = new Hono<LakeEnv>()

  app.onError((error, c) => {
    if (error instanceof LakeError) return c.json(error.toJSON(), error.status)
    // Never show a stack or a document to the caller; log only the message.
    services.log(`lake: internal error on ${c.req.method} ${new URL(c.req.url).pathname}: ${error.message}`)
    return c.json(new LakeError(500, 'internalError', 'The lake failed to answer this request; the error was logged.').toJSON(), 500)
  })
  app.notFound((c) =>
    c.json(new LakeError(404, 'notFoundError', `No such endpoint: ${c.req.method} ${new URL(c.req.url).pathname}`).toJSON(), 404),
  )

  app.use('*', drainUnreadBody)
  app.use('*', corsHeaders(services.corsOrigins))
  app.use(
    '/:version/data/*',
    declaredBodyLimit({
      maxSize: maxMutationBodyBytes,
      onError: () => {
        throw new LakeError(
          413,
          'requestEntityTooLargeError',
          `Request body exceeds limit of ${maxMutationBodyBytes} bytes; split the transaction into smaller ones`,
        )
      },
    }),
  )
  app.use(
    '/:version/assets/*',
    declaredBodyLimit({
      maxSize: maxAssetBytes,
      onError: () => {
        throw new LakeError(413, 'requestEntityTooLargeError', `Assets may be at most ${maxAssetBytes} bytes`)
      },
    }),
  )
  // The Studio probes this, without credentials, to tell a CORS problem from a network one.
  app.get('/:version/ping', (c) => c.text('PONG'))
  app.get('/:version/check/cors', (c) =>
    c.json({ result: { allowed: services.corsOrigins.includes(c.req.header('Origin') ?? ''), withCredentials: true } }),
  )

  // Assets check their own access: public images may be served without a token.
  app.route('/', assetRoutes(services))
  // Signing in comes before a token exists.
  app.route('/', signInRoutes(services))

  app.use('*', async (c, next) => {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- hono types a middleware's input as any; optionalAccess reads only the request
    const access = optionalAccess(c, services)
    if (!access) throw unauthorized()
    c.set('access', access)
    await next()
  })

  app.route('/', studioRoutes(services))
  app.route('/', peopleRoutes(services))
  app.route('/', datasetRoutes(services))
  app.route('/', dataRoutes(services))
  app.route('/', erasureRoutes(services))
  app.route('/', listenRoutes(services))
  app.route('/', historyRoutes(services))
  return app
}
