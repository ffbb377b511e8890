// The lake reckons "today" in the programme's time zone: consent given in Phnom Penh just after its
// midnight counts that day, a review date passes at its midnight, and an erasure is dated there.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLake, type Lake } from '../../lake/index.ts'
import { aConsent, aTestimony } from '../core/fixtures.ts'
import { call } from './archiveFixture.ts'

// 23:30 and 00:30 in Phnom Penh (UTC+7), either side of its midnight into 29 November.
const beforeMidnight = new Date('2026-11-28T16:30:00Z')
const afterMidnight = new Date('2026-11-28T17:30:00Z')

let now = beforeMidnight
let lake: Lake
let token: string
const dataDir = mkdtempSync(join(tmpdir(), 'lake-day-'))
beforeAll(() => {
  lake = openLake({ dataDir, clock: { now: () => now }, log: () => {} })
  lake.services.datasets.ensure('production')
  token = lake.services.tokens.create({ name: 'Admin (test)', role: 'administrator', userId: 'admin-test', now: new Date() }).token
})
afterAll(() => {
  lake.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const mutate = (mutations: unknown[]) => call(lake, 'POST', '/v2025-02-19/data/mutate/production', token, JSON.stringify({ mutations }))
const testimony = (id: string) => ({ ...aTestimony({ _id: id, slug: { current: id } }), survivor: { _type: 'reference', _ref: 's-1' } })

describe('the lake’s today', () => {
  it('lets consent given today in Phnom Penh publish after its midnight, not before', async () => {
    const draft = testimony('t-day')
    await mutate([{ create: aConsent(draft, { _id: 'consent-t-day', testimony: { _ref: 't-day' }, dateGiven: '2026-11-29' }) }])
    now = beforeMidnight
    const refused = await mutate([{ create: draft }])
    expect(refused.status).toBe(409)
    expect(refused.text).toContain('The consent is dated 2026-11-29, which is after today')
    now = afterMidnight
    expect((await mutate([{ create: draft }])).status).toBe(200)
  })

  it('holds a consent whose review date is 29 November until Phnom Penh’s midnight', async () => {
    const draft = testimony('t-review')
    await mutate([{ create: aConsent(draft, { _id: 'consent-t-review', testimony: { _ref: 't-review' }, reviewDate: '2026-11-29' }) }])
    now = beforeMidnight
    expect((await mutate([{ create: draft }])).status).toBe(200)
    await mutate([{ delete: { id: 't-review' } }])
    now = afterMidnight
    const refused = await mutate([{ create: draft }])
    expect(refused.status).toBe(409)
    expect(refused.text).toContain('due for review on 2026-11-29')
  })

  it('dates an erasure record with the programme’s day', async () => {
    now = afterMidnight
    await mutate([{ create: { ...testimony('t-erase'), _id: 'drafts.t-erase' } }])
    const erased = await call(lake, 'POST', '/v2025-02-19/data/erase/production', token, JSON.stringify({ testimonyId: 't-erase' }))
    expect(erased.status).toBe(200)
    const records = lake.services.datasets
      .get('production')
      .documents()
      .filter((d) => d._type === 'erasureRecord')
    expect(records.map((r) => r.date)).toEqual(['2026-11-29'])
  })
})
