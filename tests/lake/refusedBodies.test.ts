// A request the lake refuses before reading its body (too large, not signed in) must still leave the
// connection usable: a clinic's slow link may take seconds to send an upload, and the browser or
// @sanity/client reuses the same keep-alive connection for its next request.
import { request, Agent, type IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maxMutationBodyBytes } from '../../lake/limits.ts'
import { serveArchive } from './archiveFixture.ts'
import { apiVersionPath } from '../../core/index.ts'

let served: Awaited<ReturnType<typeof serveArchive>>
beforeAll(async () => {
  served = await serveArchive()
})
afterAll(async () => {
  await served.close()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const chunk = Buffer.alloc(256 * 1024, 'x')

/** Sends `chunks` pieces of the body 100 ms apart, as a slow link would, and answers the status and
 * whether the connection was one used before. */
async function slowPost(agent: Agent, path: string, token: string | null, chunks: number) {
  const headers = { 'Content-Length': String(chunks * chunk.length), ...(token ? { Authorization: `Bearer ${token}` } : {}) }
  const sent = request({ host: '127.0.0.1', port: served.port, path, method: 'POST', agent, headers })
  const answered = new Promise<number>((resolve, reject) => {
    sent.on('response', (response: IncomingMessage) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    sent.on('error', reject)
  })
  for (let i = 0; i < chunks; i++) {
    sent.write(chunk)
    await sleep(100)
  }
  await new Promise<void>((resolve) => sent.end(resolve))
  return { status: await answered, reused: sent.reusedSocket }
}

function get(agent: Agent, path: string, token: string | null) {
  return new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
    const headers = token ? { Authorization: `Bearer ${token}` } : {}
    const sent = request({ host: '127.0.0.1', port: served.port, path, agent, headers }, (response) => {
      response.resume()
      response.on('end', () => resolve({ status: response.statusCode ?? 0, reused: sent.reusedSocket }))
    })
    sent.on('error', reject)
    sent.end()
  })
}

describe('refused request bodies', () => {
  it('answers a slowly sent oversized transaction with 413 and serves the next request on the same connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const chunks = Math.ceil(maxMutationBodyBytes / chunk.length) + 1
    const refused = await slowPost(agent, `${apiVersionPath}/data/mutate/production`, served.archive.tokens.administrator, chunks)
    expect(refused.status).toBe(413)
    const next = await get(agent, `${apiVersionPath}/users/me`, served.archive.tokens.administrator)
    expect(next).toEqual({ status: 200, reused: true })
    agent.destroy()
  })

  it('answers a slowly sent upload without a token with 401 and serves the next request on the same connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const refused = await slowPost(agent, `${apiVersionPath}/assets/images/production`, null, 8)
    expect(refused.status).toBe(401)
    const next = await get(agent, `${apiVersionPath}/users/me`, served.archive.tokens.therapist)
    expect(next).toEqual({ status: 200, reused: true })
    agent.destroy()
  })

  it('answers a transaction sent in chunks past the limit with 413 and a closed connection, and the next request works', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const headers = { Authorization: `Bearer ${served.archive.tokens.administrator}`, 'Transfer-Encoding': 'chunked' }
    const sent = request({
      host: '127.0.0.1',
      port: served.port,
      path: `${apiVersionPath}/data/mutate/production`,
      method: 'POST',
      agent,
      headers,
    })
    sent.on('error', () => {}) // the lake may close while the client still sends; the answer came first
    const answer = new Promise<{ status: number; connection: string | undefined }>((resolve) =>
      sent.on('response', (response: IncomingMessage) => {
        response.resume()
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection })
      }),
    )
    let answered = false
    void answer.then(() => (answered = true))
    // A client that sends until it gets an answer, as a browser does.
    for (let i = 0; i < 40 && !answered; i++) {
      sent.write(chunk)
      await sleep(20)
    }
    expect(await answer).toEqual({ status: 413, connection: 'close' })
    sent.destroy()
    const next = await get(agent, `${apiVersionPath}/users/me`, served.archive.tokens.administrator)
    expect(next).toEqual({ status: 200, reused: false })
    agent.destroy()
  })
})
