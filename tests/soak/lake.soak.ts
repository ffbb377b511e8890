// The lake's long runs: SOAK_ROUNDS kill -9 rounds (default 40) and SOAK_FUZZ_RUNS hostile requests
// (default 50,000) in process; `npm run soak`.
import { describe, expect, it } from 'vitest'
import { fuzzApi } from '../lake/apiFuzz.ts'
import { call, openArchive } from '../lake/archiveFixture.ts'
import { crashRounds } from '../lake/crashRounds.ts'
import { freshDataDir } from '../lake/lakeProcess.ts'

const rounds = Number(process.env.SOAK_ROUNDS ?? 40)
const fuzzRuns = Number(process.env.SOAK_FUZZ_RUNS ?? 50_000)

describe('soak', () => {
  it(`keeps every acknowledged transaction, each whole, through ${rounds} kill -9 rounds`, async () => {
    const { dataDir, token } = freshDataDir('lake-soak-')
    const acknowledged = await crashRounds(dataDir, token, { rounds, writers: 6, killWindow: [100, 1500] })
    console.log(`${rounds} rounds, ${acknowledged.reduce((a, b) => a + b, 0)} acknowledged transactions`)
    expect(acknowledged).toHaveLength(rounds)
  })

  it(`answers ${fuzzRuns} hostile requests safely`, async () => {
    const archive = await openArchive()
    await fuzzApi(archive, fuzzRuns, (method, path, token, body) => call(archive.lake, method, path, token, body))
    archive.lake.close()
  })
})
