// A listener that reconnects after an event it saw, asking to resume (`enableResume`, with the
// `Last-Event-ID` its event source sends), is told `welcomeback` and gets every change it missed, in
// order; one whose place is unknown is told `reset`, so that it reads anew (as the Studio does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { readServerSentEvents, type ServerSentEvent } from './serverSentEvents.ts'
import { apiVersionPath } from '../../core/index.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake()
})
afterAll(() => harness.stop())

/** Opens a listener and reads its first `count` events (comments skipped), then closes it. */
async function listen(lastEventId: string | null, count: number, resume = true): Promise<ServerSentEvent[]> {
  const query = encodeURIComponent('*[_type == "theme"]')
  const response = await harness.lake.app.request(
    `${apiVersionPath}/data/listen/production?query=${query}${resume ? '&enableResume=true' : ''}`,
    {
      headers: { Authorization: `Bearer ${harness.tokens.administrator}`, ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
    },
  )
  return readServerSentEvents(response, count)
}

describe('a listener that resumes', () => {
  it('gets welcomeback and every change it missed, in order; an unknown place gets reset', async () => {
    const client = harness.client('administrator')
    const first = await client.create({ _id: 'theme-resume-1', _type: 'theme', title: { en: 'One' } })
    const seen = await client.mutate([{ patch: { id: 'theme-resume-1', set: { 'title.en': 'One, seen' } } }])
    await client.mutate([{ create: { _id: 'theme-resume-2', _type: 'theme', title: { en: 'Two, missed' } } }])
    await client.mutate([{ patch: { id: 'theme-resume-1', set: { 'title.en': 'One, missed' } } }])
    expect(first._id).toBe('theme-resume-1')

    const resumed = await listen(`${seen.transactionId}#theme-resume-1`, 3)
    expect(resumed.map((e) => e.event)).toEqual(['welcomeback', 'mutation', 'mutation'])
    const missed = resumed.slice(1).map((e) => JSON.parse(e.data))
    expect(missed.map((m) => [m.documentId, m.transition])).toEqual([
      ['theme-resume-2', 'appear'],
      ['theme-resume-1', 'update'],
    ])

    expect((await listen('no-such-transaction#theme-resume-1', 1)).map((e) => e.event)).toEqual(['reset'])
    expect((await listen(`${seen.transactionId}#theme-resume-1`, 1, false)).map((e) => e.event)).toEqual(['welcome'])
  })
})
