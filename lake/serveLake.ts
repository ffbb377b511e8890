// Serves a lake over HTTP on a port, for the Studio, the site and scripts.
import { serve, type ServerType } from '@hono/node-server'
import type { Lake } from './lake.ts'

export function serveLake(
  lake: Lake,
  port: number,
  hostname = '127.0.0.1',
): Promise<{ server: ServerType; port: number; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: lake.app.fetch, port, hostname }, (info) => {
      resolve({
        server,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            if ('closeAllConnections' in server) server.closeAllConnections()
          }),
      })
    })
    server.once('error', reject)
  })
}
