// Serves the built Studio (dist/studio) as a single-page app, for the lake's offline set-up.
import { serve, type ServerType } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { relative, resolve } from 'node:path'

export const studioBuildDir = resolve(import.meta.dirname, '..', 'dist', 'studio')

export function serveStudio(port: number, root = studioBuildDir): Promise<{ server: ServerType; port: number; close(): Promise<void> }> {
  const app = new Hono()
  const rootPath = relative(process.cwd(), root) || '.'
  app.use('/*', serveStatic({ root: rootPath }))
  // Every Studio route is the same app: answer unknown paths with its index page.
  app.get('*', serveStatic({ path: `${rootPath}/index.html` }))
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) =>
      resolvePromise({ server, port: info.port, close: () => new Promise<void>((done) => server.close(() => done())) }),
    )
    server.once('error', reject)
  })
}
