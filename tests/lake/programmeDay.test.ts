// The lake reckons "today" in the programme's time zone: consent given in Phnom Penh just after its
// midnight counts that day, a review date passes at its midnight, and an erasure is dated there.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLake, type Lake } from '../../lake/index.ts'
import { aConsent, aTestimony } from '../core/fixtures.ts'
import { call } from './archiveFixture.ts'
import { keyFor } from './testKey.ts'
import { apiVersionPath } from '../../core/index.ts'

// 23:30 and 00:30 in Phnom Penh (UTC+7), either side of its midnight into 29 November.
const beforeMidnight = new Date('2026-11-28T16:30:00Z')
const afterMidnight = new Date('2026-11-28T17:30:00Z')

let now = beforeMidnight
let lake: Lake
let token: string
const dataDir = mkdtempSync(join(tmpdir(), 'lake-day-'))
beforeAll(() => {
  lake = openLake({ dataDir, key: keyFor(dataDir), clock: { now: () => now }, log: () => {} })
  lake.services.datasets.ensure('production')
  token = lake.services.tokens.create({ name: 'Admin (test)', role: 'administrator', userId: 'admin-test', now: new Date() }).token
})
afterAll(() => {
  lake.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const mutate = (mutations: unknown[]) =>
  call(lake, 'POST', `${apiVersionPath}/data/mutate/production`, token, JSON.stringify({ mutations }))
const act = (actions: unknown[]) => call(lake, 'POST', `${apiVersionPath}/data/actions/production`, token, JSON.stringify({ actions }))
const testimony = (id: string) => ({ ...aTestimony({ _id: id, slug: { current: id } }), survivor: { _type: 'reference', _ref: 's-1' } })

/** Takes a testimony through review to approved with this consent, as the Studio would. */
async function approve(id: string, consent: Record<string, unknown>) {
  const draftId = `drafts.${id}`
  for (const mutations of [
    [{ create: { ...testimony(id), _id: draftId, workflowState: 'drafting' } }],
    [{ patch: { id: draftId, set: { workflowState: 'supervisorReview' } } }],
    [
      {
        patch: {
          id: draftId,
          set: { workflowState: 'readyForReadBack', review: { passedBy: 'admin-test', passedAt: '2026-11-20T09:00:00Z' } },
        },
      },
    ],
    [{ create: consent }, { patch: { id: draftId, set: { workflowState: 'approved' } } }],
  ])
    expect((await mutate(mutations)).status).toBe(200)
}
const publish = (id: string) =>
  act([
    { actionType: 'sanity.action.document.edit', draftId: `drafts.${id}`, publishedId: id, patch: { set: { workflowState: 'published' } } },
    { actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id },
  ])

describe('the lake’s today', () => {
  it('lets consent given today in Phnom Penh publish after its midnight, not before', async () => {
    now = beforeMidnight
    await approve('t-day', aConsent(testimony('t-day'), { _id: 'consent-t-day', testimony: { _ref: 't-day' }, dateGiven: '2026-11-29' }))
    const refused = await publish('t-day')
    expect(refused.status).toBe(409)
    expect(refused.text).toContain('The consent is dated 2026-11-29, which is after today')
    now = afterMidnight
    expect((await publish('t-day')).status).toBe(200)
  })

  it('holds a consent whose review date is 29 November until Phnom Penh’s midnight', async () => {
    now = beforeMidnight
    await approve(
      't-review',
      aConsent(testimony('t-review'), { _id: 'consent-t-review', testimony: { _ref: 't-review' }, reviewDate: '2026-11-29' }),
    )
    expect((await publish('t-review')).status).toBe(200)
    now = afterMidnight
    // Any write that would keep it published is judged as of the new day.
    const refused = await mutate([{ patch: { id: 't-review', set: { province: 'Kampot' } } }])
    expect(refused.status).toBe(409)
    expect(refused.text).toContain('due for review on 2026-11-29')
  })

  it('dates an erasure record with the programme’s day', async () => {
    now = afterMidnight
    await mutate([{ create: { ...testimony('t-erase'), _id: 'drafts.t-erase' } }])
    const erased = await call(lake, 'POST', `${apiVersionPath}/data/erase/production`, token, JSON.stringify({ testimonyId: 't-erase' }))
    expect(erased.status).toBe(200)
    const records = lake.services.datasets
      .get('production')
      .documents()
      .filter((d) => d._type === 'erasureRecord')
    expect(records.map((r) => r.date)).toEqual(['2026-11-29'])
  })
})
