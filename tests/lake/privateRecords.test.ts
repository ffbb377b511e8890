// Survivor records, follow-ups, testimonies and consent records never reach a caller whose role may
// not read them: not through query (any perspective), doc, export, listen or history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, consentSecret, openArchive, secrets, type Archive, type Caller } from './archiveFixture.ts'
import { apiVersionPath } from '../../core/index.ts'

let archive: Archive
beforeAll(async () => {
  archive = await openArchive()
})
afterAll(() => archive.lake.close())

const v = apiVersionPath
const ids = 'survivor-own,survivor-other,followup-other,consent-1,testimony-own,theme-public'
const reads = [
  ...['raw', 'drafts', 'published'].map((p) => `${v}/data/query/production?query=${encodeURIComponent('*')}&perspective=${p}`),
  `${v}/data/query/production?query=${encodeURIComponent('*[_type == $t]{..., "n": *[_id == ^._id][0]}')}&$t="survivor"`,
  `${v}/data/doc/production/${ids}`,
  `${v}/data/export/production`,
  `${v}/data/history/production/transactions/${ids}`,
  `${v}/data/history/production/documents/${ids}?time=2999-01-01T00:00:00Z`,
  ...['survivor-other', 'followup-other', 'consent-1'].map((id) => `${v}/data/history/production/events/documents/${id}`),
]
const privateTypeMarks = ['"_type":"survivor"', '"_type":"followUp"', '"_type":"consentRecord"']
/** Everything a caller can get through the read endpoints, as one text. */
const everything = async (caller: Caller) =>
  (await Promise.all(reads.map(async (path) => (await call(archive.lake, 'GET', path, archive.tokens[caller])).text))).join('\n')

describe('private records', () => {
  it('shows the supervisor every private record, so the checks below are not empty', async () => {
    const seen = await everything('supervisor')
    for (const marker of [secrets.otherSurvivor, secrets.followUp, consentSecret]) expect(seen).toContain(marker)
  })

  it('never shows a therapist another therapist’s survivor or follow-up', async () => {
    const seen = await everything('therapist')
    expect(seen).toContain('survivor-own')
    for (const marker of Object.values(secrets)) expect(seen).not.toContain(marker)
  })

  it('never shows a caller without a valid token any private record', async () => {
    for (const caller of ['none', 'revoked', 'malformed'] as const) {
      const seen = await everything(caller)
      for (const marker of [...privateTypeMarks, ...Object.values(secrets), consentSecret]) expect(seen).not.toContain(marker)
    }
  })

  it('shows the publisher (the site build) no private record at all: no testimony, no consent record', async () => {
    const seen = await everything('publisher')
    expect(seen).toContain('theme-public')
    for (const marker of [
      ...privateTypeMarks,
      '"_type":"testimony"',
      ...Object.values(secrets),
      consentSecret,
      '"witness"',
      '"recordedBy"',
      '"method"',
    ])
      expect(seen).not.toContain(marker)
  })

  it('tells a listener only about the changes its role may read', async () => {
    const listen = async (caller: Caller) => {
      const headers = { Authorization: `Bearer ${archive.tokens[caller]}` }
      const response = await archive.lake.app.request(`${v}/data/listen/production?query=*&includeResult=true`, { headers })
      const reader = response.body?.getReader()
      await reader?.read()
      return reader
    }
    const therapist = await listen('therapist')
    const publisher = await listen('publisher')
    const dataset = archive.lake.services.datasets.get('production')
    dataset.mutate([{ patch: { id: 'survivor-other', set: { phone: secrets.otherSurvivor } } }], { author: 'admin-test' })
    dataset.mutate([{ patch: { id: 'consent-1', set: { note: consentSecret } } }], { author: 'admin-test' })
    dataset.mutate([{ patch: { id: 'theme-public', set: { marker: 'public-change' } } }], { author: 'admin-test' })
    for (const reader of [therapist, publisher]) {
      let received = ''
      while (!received.includes('public-change')) received += new TextDecoder().decode((await reader?.read())?.value)
      await reader?.cancel()
      expect(received).not.toContain('survivor-other')
      expect(received).not.toContain(secrets.otherSurvivor)
    }
  })
})
