// Crash rounds against a real lake process: writers commit transactions that touch three documents
// (two new ones and a shared counter), the lake is killed with SIGKILL, restarted, and must hold
// every acknowledged transaction and no part of any other. Used by the test and by `npm run soak`.
import { expect } from 'vitest'
import { lakeClient } from '../../wire/index.ts'
import { startLakeProcess, type LakeProcess } from './lakeProcess.ts'

export interface CrashOptions {
  rounds: number
  writers: number
  /** The kill comes at a random moment in this window after the writers start (ms). */
  killWindow: [number, number]
}

const counterId = 'crash-counter'

/** Runs the rounds; returns how many transactions each round had acknowledged before the kill. */
export async function crashRounds(dataDir: string, token: string, options: CrashOptions): Promise<number[]> {
  const acknowledged: string[] = []
  const perRound: number[] = []
  for (let round = 0; round < options.rounds; round++) {
    const lake = await startLakeProcess(dataDir)
    if (round === 0) await lakeClient({ port: lake.port, token }).createIfNotExists({ _id: counterId, _type: 'theme', n: 0 })
    await expectWhole(lake.port, token, acknowledged)
    const before = acknowledged.length
    await writeUntilKilled(lake, token, round, options, acknowledged)
    perRound.push(acknowledged.length - before)
  }
  const lake = await startLakeProcess(dataDir)
  await expectWhole(lake.port, token, acknowledged)
  await lake.kill()
  return perRound
}

async function writeUntilKilled(lake: LakeProcess, token: string, round: number, options: CrashOptions, acknowledged: string[]) {
  const client = lakeClient({ port: lake.port, token })
  const writers = Array.from({ length: options.writers }, async (_, writer) => {
    for (let i = 0; ; i++) {
      const id = `crash-${round}-${writer}-${i}`
      try {
        await client
          .transaction()
          .create({ _id: `${id}-a`, _type: 'theme', crashPair: id })
          .create({ _id: `${id}-b`, _type: 'theme', crashPair: id })
          .patch(counterId, (patch) => patch.inc({ n: 1 }))
          .commit({ visibility: 'async' })
        acknowledged.push(id)
      } catch {
        return
      }
    }
  })
  const [earliest, latest] = options.killWindow
  await new Promise((resolve) => setTimeout(resolve, earliest + Math.random() * (latest - earliest)))
  await lake.kill()
  await Promise.all(writers)
}

/** Every acknowledged pair is there; every pair is whole; the counter counts exactly the pairs. */
async function expectWhole(port: number, token: string, acknowledged: ReadonlyArray<string>) {
  const client = lakeClient({ port, token })
  const { ids, n } = await client.fetch<{ ids: string[]; n: number }>(
    '{"ids": *[defined(crashPair)]._id, "n": *[_id == $counter][0].n}',
    { counter: counterId },
    { perspective: 'raw' },
  )
  const present = new Set(ids)
  const missing = acknowledged.filter((id) => !present.has(`${id}-a`) || !present.has(`${id}-b`))
  expect(missing, 'acknowledged transactions lost').toEqual([])
  const halves = ids.filter((id) => !present.has(id.endsWith('-a') ? id.replace(/-a$/, '-b') : id.replace(/-b$/, '-a')))
  expect(halves, 'half-applied transactions').toEqual([])
  expect(n, 'the counter every transaction increments').toBe(ids.length / 2)
}
