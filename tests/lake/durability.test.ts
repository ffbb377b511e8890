// An acknowledged transaction survives kill -9 of the lake process, and none is ever half applied
// (`npm run soak` runs many more rounds).
import { describe, expect, it } from 'vitest'
import { crashRounds } from './crashRounds.ts'
import { freshDataDir } from './lakeProcess.ts'

describe('durability', () => {
  it('keeps every acknowledged three-document transaction through three kill -9 rounds, each whole', async () => {
    const { dataDir, token } = freshDataDir('lake-kill-')
    const acknowledged = await crashRounds(dataDir, token, { rounds: 3, writers: 4, killWindow: [250, 500] })
    for (const count of acknowledged) expect(count).toBeGreaterThan(5)
  }, 90_000) // real lake processes started and killed: on a busy machine each start takes seconds
})
