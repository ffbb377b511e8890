// The fictional seed archive: up to date, valid, in every consent state, and leak-free in public.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  approvesCurrentText,
  consentDocument,
  consentInForce,
  consentReport,
  projectPublicTestimony,
  reviewPassOf,
  testimonyDocument,
  workflowStateOf,
} from '../../core/index.ts'
import { checkDocumentsInLake } from './documentsInLake.ts'
import { buildSeedArchive, seedArchivePath } from '../../seed/index.ts'
import { formatArchive, parseArchive } from '../../wire/index.ts'

const today = '2026-11-29'
const documents = parseArchive(readFileSync(seedArchivePath, 'utf8'))
const ofType = (type: string) => documents.filter((d) => d._type === type)
const report = consentReport(documents, today)
const rowFor = (state: string) => {
  const content = JSON.parse(readFileSync(new URL('../../seed/content/testimonies.json', import.meta.url), 'utf8')) as Array<{
    state: string
  }>
  const indexes = content.flatMap((t, i) => (t.state === state ? [i] : []))
  return indexes.map((i) => report.find((row) => row.testimonyId === `testimony-${String(i + 1).padStart(2, '0')}`))
}
const reasonsOf = (state: string) => rowFor(state).flatMap((row) => (row && !row.website.public ? row.website.reasons : []))

describe('the seed archive', () => {
  it('is the file `npm run seed:build` makes from seed/content', async () => {
    expect(readFileSync(seedArchivePath, 'utf8')).toBe(formatArchive(await buildSeedArchive()))
  })

  it('validates against the schema with Sanity’s validator without a single error', async () => {
    const problems = await checkDocumentsInLake(documents)
    expect(problems.filter((p) => p.level === 'error')).toEqual([])
  })

  it('holds at least 12 testimonies, all marked as fictional samples, in Khmer and English', () => {
    const testimonies = ofType('testimony').map((d) => testimonyDocument.parse(d))
    expect(testimonies.length).toBeGreaterThanOrEqual(12)
    expect(testimonies.every((t) => t.sample === true)).toBe(true)
    expect(testimonies.filter((t) => t.body?.km?.length && t.body?.en?.length).length).toBeGreaterThanOrEqual(11)
  })

  it('has the ceremonies, themes, lessons, glossary, support services and follow-up calls', () => {
    expect(ofType('ceremony').length).toBeGreaterThanOrEqual(3)
    expect(ofType('theme')).toHaveLength(5)
    expect(ofType('lesson').length).toBeGreaterThanOrEqual(4)
    expect(ofType('glossaryTerm').length).toBeGreaterThanOrEqual(10)
    expect(ofType('supportService').length).toBeGreaterThanOrEqual(1)
    expect(ofType('followUp').length).toBeGreaterThanOrEqual(1)
    expect(ofType('siteSettings')).toHaveLength(1)
  })

  it('shows each consent state with the reason a therapist would see', () => {
    expect(rowFor('publishedAnonymous').every((row) => row?.website.public && row.website.form === 'anonymous')).toBe(true)
    expect(rowFor('publishedFirstName').every((row) => row?.website.public && row.website.form === 'firstName')).toBe(true)
    expect(reasonsOf('textChangedAfterApproval').join()).toContain('has changed since the survivor approved it')
    expect(reasonsOf('withdrawn').join()).toContain('withdrew her consent')
    expect(reasonsOf('pastReviewDate').join()).toContain('due for review')
    expect(reasonsOf('ceremonyOnly').join()).toContain('has not consented to "Publication on the website (anonymous)"')
    expect(rowFor('ceremonyOnly').every((row) => row?.ceremony)).toBe(true)
    for (const state of ['awaitingReadBack', 'drafting', 'supervisorReview'])
      expect(reasonsOf(state).join()).toContain('No consent has been recorded')
  })

  it('keeps each testimony in the workflow state its consent and history agree with', () => {
    const consents = ofType('consentRecord').map((d) => consentDocument.parse(d))
    for (const testimony of ofType('testimony').map((d) => testimonyDocument.parse(d))) {
      const state = workflowStateOf(testimony)
      const inForce = consentInForce(testimony._id, consents)
      const pass = reviewPassOf(testimony)
      expect(testimony._id.startsWith('drafts.'), testimony._id).toBe(state !== 'published')
      if (state === 'drafting' || state === 'supervisorReview') expect(pass, testimony._id).toBeNull()
      else expect(pass?.passedBy, testimony._id).toBe('supervisor-demo')
      if (pass && inForce?.dateGiven) expect(pass.passedAt < inForce.dateGiven, testimony._id).toBe(true)
      if (state === 'approved' || state === 'published') expect(approvesCurrentText(testimony, inForce), testimony._id).toBe(true)
      if (state === 'withdrawn') expect(inForce?.withdrawals?.length, testimony._id).toBeGreaterThan(0)
    }
  })

  it('lets no survivor name, village, phone or witness into any public testimony', () => {
    const consents = ofType('consentRecord').map((d) => consentDocument.parse(d))
    const secrets = [...ofType('survivor'), ...ofType('consentRecord')].flatMap((d) =>
      ['name', 'village', 'commune', 'district', 'phone', 'ecccCivilPartyNumber'].flatMap((field) =>
        typeof d[field] === 'string' ? [d[field]] : [],
      ),
    )
    const witnessNames = consents.flatMap((c) =>
      typeof c.witness === 'object' && c.witness && 'name' in c.witness ? [String(c.witness.name)] : [],
    )
    const published = ofType('testimony').map((d) =>
      projectPublicTestimony({ testimony: testimonyDocument.parse(d), consents, use: 'website', today }),
    )
    const json = JSON.stringify(published.flatMap((p) => (p.public ? [p.testimony] : [])))
    expect(published.filter((p) => p.public).length).toBeGreaterThanOrEqual(6)
    for (const secret of [...secrets, ...witnessNames]) expect(json).not.toContain(secret)
  })

  it('gives only fictional phone numbers', () => {
    for (const d of [...ofType('survivor'), ...ofType('supportService')]) expect(String(d.phone)).toMatch(/^000 000 \d{3}/)
  })
})
