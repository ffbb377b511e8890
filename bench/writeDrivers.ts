// What drives the bench's writes over HTTP besides the lake's own client: a bare `node:http` writer
// (64 keep-alive connections, the JSON body written by hand), to measure the lake without
// @sanity/client's cost, and @sanity/client against a server that answers at once (nullServer.ts, in
// its own process), to measure the client's cost without the lake's. Together they say which side
// limits the figures over HTTP.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { Agent, request } from 'node:http'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { apiVersionPath } from '../core/index.ts'
import { lakeClient } from '../wire/index.ts'

export type CreateOne = (id: string) => Promise<void>

/** Creates one document per call through `node:http`; rejects on any answer but 200. */
export function bareWriter(port: number, token: string): { create: CreateOne; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 })
  const create: CreateOne = (id) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ mutations: [{ create: { _id: id, _type: 'theme' } }] })
      const headers = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${token}` }
      const sent = request({ host: '127.0.0.1', port, path: `${apiVersionPath}/data/mutate/production`, method: 'POST', agent, headers })
      sent.on('response', (response) => {
        response.resume()
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`The lake answered ${response.statusCode}`))))
      })
      sent.on('error', reject)
      sent.end(body)
    })
  return { create, close: () => agent.destroy() }
}

/** @sanity/client's create against a server that answers at once, in its own process. */
export async function clientAgainstNullServer(): Promise<{ create: CreateOne; close(): Promise<void> }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./nullServer.ts', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next()
  const { port } = z.object({ port: z.number() }).parse(JSON.parse(String(first.value)))
  const client = lakeClient({ port, token: 'null-server' })
  return {
    create: async (id) => {
      await client.create({ _id: id, _type: 'theme' }, { visibility: 'async' })
    },
    close: async () => {
      child.stdin.end()
      await once(child, 'exit')
    },
  }
}
