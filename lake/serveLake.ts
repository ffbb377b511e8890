// Serves a lake over HTTP on a port, for the Studio, the site and scripts, with presence over a
// WebSocket at /v<version>/socket/<dataset>.
import { serve, type ServerType } from '@hono/node-server'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData } from 'ws'
import { userOf } from './auth/credentials.ts'
import type { Lake } from './lake.ts'
import { PresenceHub } from './presence/presenceHub.ts'

const socketPath = /^\/v[^/]+\/socket\/([a-z0-9][a-z0-9_-]*)$/
const heartbeatMs = 30_000

export function serveLake(
  lake: Lake,
  port: number,
  hostname = '127.0.0.1',
): Promise<{ server: ServerType; port: number; close(): Promise<void> }> {
  const presence = new PresenceHub((token) => userOf(lake.services, token))
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  const heartbeat = setInterval(() => presence.heartbeat(), heartbeatMs)
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: lake.app.fetch, port, hostname }, (info) => {
      resolve({
        server,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(heartbeat)
            for (const client of sockets.clients) client.terminate()
            server.close(() => done())
            if ('closeAllConnections' in server) server.closeAllConnections()
          }),
      })
    })
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const dataset = socketPath.exec(new URL(request.url ?? '/', 'http://lake').pathname)?.[1]
      if (!dataset) {
        socket.destroy()
        return
      }
      sockets.handleUpgrade(request, socket, head, (ws) => {
        const connection = presence.connect({ send: (text) => ws.readyState === ws.OPEN && ws.send(text) }, dataset)
        ws.on('message', (data) => connection.receive(textOf(data)))
        ws.on('close', () => connection.close())
      })
    })
    server.once('error', reject)
  })
}

/** A WebSocket message as text: ws hands over a Buffer (or, for other binary types, its parts). */
function textOf(data: RawData): string {
  return (Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8')
}
