// Fuzzes every route of the HTTP API in process with hostile requests (see apiFuzz.ts for what is
// sent and checked); `npm run soak` sends many more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fuzzApi } from './apiFuzz.ts'
import { call, openArchive, type Archive } from './archiveFixture.ts'
import { apiVersionPath } from '../../core/index.ts'

let archive: Archive
beforeAll(async () => {
  archive = await openArchive()
})
afterAll(() => archive.lake.close())

describe('the HTTP API under hostile requests', () => {
  it('answers 1500 runs of hostile requests without a 5xx, a stack, private data or a half-applied write', async () => {
    await fuzzApi(archive, 1500, (method, path, token, body) => call(archive.lake, method, path, token, body))
  })

  it('still answers queries after the fuzzing', async () => {
    const answer = await call(archive.lake, 'GET', `${apiVersionPath}/data/query/production?query=count(*)`, archive.tokens.administrator)
    expect(answer.status).toBe(200)
  })
})
