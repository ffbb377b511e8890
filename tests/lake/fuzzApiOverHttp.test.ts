// The hostile requests of apiFuzz.ts, fewer of them, over a real port: what Node's HTTP server and
// hono's adapter do with them must be as safe as the in-process answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fuzzApi } from './apiFuzz.ts'
import { answerOf, serveArchive } from './archiveFixture.ts'
import { apiVersionPath } from '../../core/index.ts'

let served: Awaited<ReturnType<typeof serveArchive>>
beforeAll(async () => {
  served = await serveArchive()
})
afterAll(async () => {
  await served.close()
})

describe('the HTTP API over a real port', () => {
  it('answers 200 runs of hostile requests without a 5xx, a stack, private data or a half-applied write', async () => {
    await fuzzApi(served.archive, 200, async (method, path, token, body) => {
      const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
      return answerOf(await fetch(`http://127.0.0.1:${served.port}${path}`, { method, headers, ...(body === undefined ? {} : { body }) }))
    })
  })

  it('still answers after the fuzzing', async () => {
    const response = await fetch(`http://127.0.0.1:${served.port}${apiVersionPath}/users/me`, {
      headers: { Authorization: `Bearer ${served.archive.tokens.therapist}` },
    })
    expect(response.status).toBe(200)
  })
})
