// Every endpoint × every caller (each role, no token, a revoked token, a malformed token), with the
// status roles.ts grants each one: one table, one row per endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callers, call, openArchive, pixel, type Archive, type Caller } from './archiveFixture.ts'
import { apiVersionPath } from '../../core/index.ts'

let archive: Archive
beforeAll(async () => {
  archive = await openArchive()
})
afterAll(() => archive.lake.close())

type Statuses = [admin: number, supervisor: number, therapist: number, publisher: number, none: number, revoked: number, malformed: number]
interface Row {
  endpoint: string
  body?: () => Promise<BodyInit>
  expected: Statuses
}

const v = apiVersionPath
const json = (value: unknown) => async () => JSON.stringify(value)
const readers: Statuses = [200, 200, 200, 200, 401, 401, 401]
const writers: Statuses = [200, 200, 200, 403, 401, 401, 401]
const trusted: Statuses = [200, 200, 403, 403, 401, 401, 401]
const administrators: Statuses = [200, 403, 403, 403, 401, 401, 401]
const nobody: Statuses = [403, 403, 403, 403, 401, 401, 401]
/** Refused to every role that may write it at all: case records are never deleted, states never set by hand. */
const neverDone: Statuses = [409, 409, 409, 403, 401, 401, 401]
const mutate = (...mutations: unknown[]) => json({ mutations })
const newTheme = () => mutate({ create: { _type: 'theme', title: { en: 'Matrix' } } })

const rows: Row[] = [
  { endpoint: `GET ${v}/users/me`, expected: readers },
  { endpoint: `GET ${v}/projects/local`, expected: readers },
  { endpoint: `GET ${v}/projects/local/datasets/production/acl`, expected: readers },
  { endpoint: `GET ${v}/users/me/keyvalue/a,b`, expected: readers },
  { endpoint: `PUT ${v}/users/me/keyvalue`, body: json([]), expected: readers },
  { endpoint: `GET ${v}/data/query/production?query=*`, expected: readers },
  { endpoint: `POST ${v}/data/query/production`, body: json({ query: '*' }), expected: readers },
  { endpoint: `GET ${v}/data/doc/production/survivor-other,theme-public`, expected: readers },
  { endpoint: `GET ${v}/data/export/production`, expected: readers },
  { endpoint: `GET ${v}/data/listen/production?query=*`, expected: readers },
  // The roles table of the README, type by type.
  { endpoint: `POST ${v}/data/mutate/production`, body: newTheme(), expected: trusted },
  {
    endpoint: `POST ${v}/data/mutate/production`,
    body: mutate({ create: { _type: 'survivor', name: 'Matrix (fictional)', assignedTherapist: 'therapist-sophea' } }),
    expected: writers,
  },
  {
    endpoint: `POST ${v}/data/mutate/production`,
    body: mutate({ create: { _id: 'drafts.', _type: 'testimony', therapist: 'therapist-sophea', workflowState: 'drafting' } }),
    expected: writers,
  },
  {
    endpoint: `POST ${v}/data/mutate/production`,
    body: mutate({ createOrReplace: { _id: 'siteSettings', _type: 'siteSettings', title: { en: 'Matrix' } } }),
    expected: administrators,
  },
  {
    endpoint: `POST ${v}/data/mutate/production`,
    body: mutate({ create: { _type: 'erasureRecord', testimonyId: 'x' } }),
    expected: nobody,
  },
  { endpoint: `POST ${v}/data/mutate/production`, body: mutate({ delete: { id: 'testimony-own' } }), expected: neverDone },
  { endpoint: `POST ${v}/data/mutate/production`, body: mutate({ delete: { id: 'drafts.testimony-drafted' } }), expected: neverDone },
  { endpoint: `POST ${v}/data/mutate/production`, body: mutate({ delete: { id: 'consent-own' } }), expected: neverDone },
  { endpoint: `POST ${v}/data/mutate/production`, body: mutate({ delete: { id: 'survivor-own' } }), expected: neverDone },
  {
    endpoint: `POST ${v}/data/mutate/production`,
    body: mutate({ patch: { id: 'drafts.testimony-drafted', set: { workflowState: 'published' } } }),
    expected: neverDone,
  },
  {
    endpoint: `POST ${v}/data/mutate/production`,
    body: json({ mutations: [{ patch: { id: 'survivor-other', set: { x: 1 } } }] }),
    expected: trusted,
  },
  {
    endpoint: `POST ${v}/data/actions/production`,
    body: json({
      actions: [
        {
          actionType: 'sanity.action.document.edit',
          draftId: 'drafts.theme-public',
          publishedId: 'theme-public',
          patch: { set: { n: 1 } },
        },
      ],
    }),
    expected: trusted,
  },
  { endpoint: `GET ${v}/data/history/production/transactions/theme-public`, expected: writers },
  { endpoint: `GET ${v}/data/history/production/events/documents/theme-public`, expected: writers },
  {
    endpoint: `POST ${v}/assets/images/production`,
    body: async () => new Uint8Array(await pixel(Math.floor(Math.random() * 255))),
    expected: writers,
  },
  { endpoint: `POST ${v}/assets/files/production?filename=a.txt`, body: async () => 'fictional text', expected: writers },
  { endpoint: `POST ${v}/auth/asset-session`, expected: readers },
  // Erasure is for administrators; asked for a testimony that is not there, so nothing is erased.
  {
    endpoint: `POST ${v}/data/erase/production`,
    body: json({ testimonyId: 'no-such-testimony' }),
    expected: [404, 403, 403, 403, 401, 401, 401],
  },
  { endpoint: 'GET /{privateImage}', expected: trusted },
  { endpoint: 'GET /{privateFile}', expected: trusted },
  { endpoint: 'GET /{publicImage}', expected: [200, 200, 200, 200, 200, 401, 401] },
  { endpoint: `GET ${v}/no/such/endpoint`, expected: [404, 404, 404, 404, 401, 401, 401] },
  // Probes the Studio makes without credentials, to tell a CORS problem from a network one.
  { endpoint: `GET ${v}/ping`, expected: [200, 200, 200, 200, 200, 200, 200] },
]

async function statusOf(row: Row, caller: Caller): Promise<number> {
  const [method = 'GET', template = ''] = row.endpoint.split(' ')
  const path = template
    .replace('{privateImage}', archive.privateImage)
    .replace('{privateFile}', archive.privateFile)
    .replace('{publicImage}', archive.publicImage)
  return (await call(archive.lake, method, path, archive.tokens[caller], await row.body?.())).status
}

describe('the auth matrix', () => {
  it.each(rows)('answers $endpoint as each role’s grants say', async (row) => {
    const answered: Record<string, number> = {}
    const expected: Record<string, number> = {}
    for (const [index, caller] of callers.entries()) {
      answered[caller] = await statusOf(row, caller)
      expected[caller] = row.expected[index] ?? 0
    }
    expect(answered).toEqual(expected)
  })

  it('answers history at a revision to the roles that may read history', async () => {
    const path = `${v}/data/history/production/documents/theme-public?revision=${archive.firstRevision}`
    const statuses = await Promise.all(
      callers.map(async (caller) => (await call(archive.lake, 'GET', path, archive.tokens[caller])).status),
    )
    expect(statuses).toEqual(writers)
  })
})
