// One answer wherever the consent gate is asked. For generated archives (several consent records per
// testimony, records given the same day and recorded in one transaction, withdrawals in older records,
// texts edited after approval, drafts), the Studio (what its badge and Publish button call, on the
// records it loads), the lake's guard (over HTTP), the site build's loader and the live site's check
// (both through the public story, which carries her records) choose the same consent record and give
// the same answer for every testimony.
import type { SanityClient } from '@sanity/client'
import fc from 'fast-check'
import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  consentDocument,
  consentInForce,
  publicConsentView,
  publicationRefusals,
  testimonyDocument,
  type ConsentDocument,
  type TestimonyDocument,
} from '../../core/index.ts'
import { loadSiteContent } from '../../site/index.ts'
import { readPublicStories } from '../../site/content/publicStoryReads.ts'
import { publicStories } from '../../site/live/storyGate.ts'
import { anyConsentHistory, anyTestimonyNow } from '../core/consentHistories.ts'
import { aConsent, aTestimony } from '../core/fixtures.ts'
import { startLake, type LakeHarness } from '../lake/lakeHarness.ts'

const today = '2026-11-29'
let lake: LakeHarness
beforeAll(async () => {
  // The lake's clock is at noon UTC, 19:00 in Phnom Penh: its programme's day is the tests' today.
  lake = await startLake({ today })
})
afterAll(async () => {
  await lake.stop()
})

// What the Studio's useConsents asks for (studio/actions/useConsents.ts), with the raw perspective.
const studioConsentsQuery = '*[_type == "consentRecord" && testimony._ref == $id && !(_id in path("drafts.**"))]'
const parsedConsents = (documents: unknown[]): ConsentDocument[] =>
  documents.flatMap((d) => {
    const parsed = consentDocument.safeParse(d)
    return parsed.success ? [parsed.data] : []
  })
const withoutNulls = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v === null ? undefined : v)))

/** Three testimonies, each with its history; ids made unique per testimony, withdrawals keyed as Sanity stores them. */
const anyArchive = fc.tuple(
  ...[1, 2, 3].map((n) => {
    const approved = aTestimony({ _id: `conformance-${n}`, slug: { current: `conformance-story-${n}` } })
    return fc.tuple(anyTestimonyNow(approved), anyConsentHistory(approved)).map(([testimony, history]) => ({
      // Published after a supervisor's pass, as the workflow requires: what the lake then judges is the consent alone.
      testimony: { ...testimony, workflowState: 'published', review: { passedBy: 'admin-test', passedAt: '2026-11-01T09:00:00Z' } },
      consents: history.map((record, i) => ({
        ...record,
        _id: record._id.replace('consent-', `consent-${n}-`),
        withdrawals: (record.withdrawals ?? []).map((w, k) => ({ ...w, _key: `w${i}${k}` })),
      })),
    }))
  }),
)

/** Her public story as the site reads it (site/content/publicStoryReads.ts), if she has one. */
async function siteStoryOf(publisher: SanityClient, testimonyId: string) {
  const [story] = z
    .array(z.looseObject({ testimonyId: z.string(), consents: z.array(z.unknown()) }))
    .parse(await readPublicStories(publisher, [testimonyId]))
  return story?.testimonyId === testimonyId ? story : undefined
}

async function answers(testimony: TestimonyDocument) {
  const id = testimony._id
  const admin = lake.client('administrator')
  const publisher = lake.client('publisher', { perspective: 'published' })

  const studioTestimony = testimonyDocument.parse((await admin.getDocument(`drafts.${id}`)) ?? (await admin.getDocument(id)))
  const studioConsents = parsedConsents(await admin.fetch(studioConsentsQuery, { id }, { perspective: 'raw' }))
  // The site reads her records only as her public story carries them (there is none while it was never public).
  const story = await siteStoryOf(publisher, id)
  const siteConsents = story ? [parsedConsents(story.consents)] : []
  const lakeConsents = parsedConsents(lake.lake.services.datasets.get('production').documents())
  return {
    records: [studioConsents, ...siteConsents, lakeConsents].map((consents) => consentInForce(id, consents)?._id ?? null),
    studio: publicationRefusals(studioTestimony, studioConsents, today).length === 0,
  }
}

describe('the consent gate, asked by the Studio, the lake, the build and the live site', () => {
  it('chooses the same record and gives the same answer for every generated testimony', async () => {
    const dataset = lake.lake.services.datasets.get('production')
    const seen = { yes: 0, no: 0, withdrawn: 0, unavailable: 0 }
    await fc.assert(
      fc.asyncProperty(anyArchive, async (archive) => {
        const documents = archive.flatMap(({ testimony, consents }) => [testimony, ...consents])
        // Written as an import would: the lake's guard is what the test asks below, not a gate on the way in.
        dataset.mutate(
          documents.map((document) => ({ createOrReplace: document })),
          { author: 'test' },
        )
        try {
          const built = await loadSiteContent({ client: lake.client('publisher', { perspective: 'published' }), today })
          const ids = archive.map(({ testimony }) => testimony._id)
          const live = await publicStories(lake.client('publisher', { perspective: 'published' }), ids, today)
          for (const { testimony } of archive) {
            const { records, studio } = await answers(testimony)
            expect(new Set(records).size, `${testimony._id}: records in force ${records.join(', ')}`).toBe(1)
            const build = built.content.stories.some((story) => story.slug === testimony.slug?.current)
            seen[studio ? 'yes' : 'no'] += 1
            expect({ id: testimony._id, build, live: live.allowed.has(testimony._id) }).toEqual({
              id: testimony._id,
              build: studio,
              live: studio,
            })
            // The neutral page says she withdrew it on the live site exactly when the build's says so.
            const removed = built.content.removed.find((story) => story.slug === testimony.slug?.current)
            if (removed) {
              seen[removed.reason] += 1
              expect({ id: testimony._id, withdrawn: live.withdrawn.has(testimony._id) }).toEqual({
                id: testimony._id,
                withdrawn: removed.reason === 'withdrawn',
              })
            }
          }
          // The lake's guard, last: a write that keeps the testimony published (it changes a field the gate
          // does not read) is allowed exactly when the gate allows it.
          for (const { testimony } of archive) {
            const written = lake
              .client('administrator')
              .patch(testimony._id)
              .set({ sample: true })
              .commit()
              .then(
                () => true,
                (error: unknown) => {
                  expect(error).toMatchObject({ statusCode: 409 })
                  return false
                },
              )
            const { studio } = await answers(testimony)
            expect({ id: testimony._id, lake: await written }).toEqual({ id: testimony._id, lake: studio })
          }
        } finally {
          dataset.mutate(
            documents.map((document) => ({ delete: { id: document._id } })),
            { author: 'test' },
          )
        }
      }),
      { numRuns: 40 },
    )
    // Both answers were given, so that agreeing was not agreeing on "no" alone.
    expect(seen.yes).toBeGreaterThan(0)
    expect(seen.no).toBeGreaterThan(0)
    // And both neutral pages, so that agreeing on the reason was not agreeing on one reason alone.
    expect(seen.withdrawn).toBeGreaterThan(0)
    expect(seen.unavailable).toBeGreaterThan(0)
  }, 300_000)

  it('carries her consent records in the public story exactly as core cuts them, without the people', async () => {
    const dataset = lake.lake.services.datasets.get('production')
    const testimony = {
      ...aTestimony({ _id: 'conformance-view', slug: { current: 'conformance-view' } }),
      workflowState: 'published',
      review: { passedBy: 'admin-test', passedAt: '2026-11-01T09:00:00Z' },
    }
    const people = {
      witness: { name: 'SECRET-WITNESS (fictional)', role: 'Neighbour' },
      method: 'thumbprint',
      recordedBy: 'SECRET-RECORDER',
    }
    const records = [
      { ...aConsent(testimony, { _id: 'consent-view-1', testimony: { _ref: 'conformance-view' }, dateGiven: '2026-01-10' }), ...people },
      {
        ...aConsent(testimony, { _id: 'consent-view-2', testimony: { _ref: 'conformance-view' }, dateGiven: '2025-06-01' }),
        ...people,
        withdrawals: [{ _key: 'w', date: '2025-07-01', scopes: ['research' as const] }],
      },
    ]
    dataset.mutate(
      [testimony, ...records].map((document) => ({ createOrReplace: document })),
      { author: 'test' },
    )
    const publisher = lake.client('publisher', { perspective: 'published' })
    const story = await siteStoryOf(publisher, 'conformance-view')
    const stored = records.map((record) => dataset.documents().find((d) => d._id === record._id) ?? {})
    expect(withoutNulls(story?.consents)).toEqual(withoutNulls(stored.map(publicConsentView)))
    expect(JSON.stringify(story)).not.toContain('SECRET')
    dataset.mutate(
      [testimony, ...records].map((document) => ({ delete: { id: document._id } })),
      { author: 'test' },
    )
  })
})
