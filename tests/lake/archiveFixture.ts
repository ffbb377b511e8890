// A small archive served in process (hono's app.request, no port) for the auth-matrix, private-data
// and fuzz tests: a token per role, a revoked and a malformed one, and private records and assets
// carrying marker strings that must never reach a caller whose role may not read them.
import sharp from 'sharp'
import { z } from 'zod'
import { openLake, roles, serveLake, type Lake, type Role } from '../../lake/index.ts'
import { sealedFolder } from './testKey.ts'
import { apiVersionPath } from '../../core/index.ts'

export const callers = [...roles, 'none', 'revoked', 'malformed'] as const
export type Caller = (typeof callers)[number]

/** Markers in records only the administrator and the supervisor may read. */
export const secrets = { otherSurvivor: 'SECRET-OTHER-SURVIVOR-7731', followUp: 'SECRET-FOLLOWUP-NOTE-9034' }
/** Also in the consent record, which the publisher may not read. */
export const consentSecret = 'SECRET-CONSENT-WITNESS-5512'

export interface Archive {
  lake: Lake
  tokens: Record<Caller, string | null>
  privateImage: string
  publicImage: string
  privateFile: string
  firstRevision: string
}

export const pixel = (red: number) =>
  sharp({ create: { width: 2, height: 2, channels: 3, background: { r: red, g: 0, b: 0 } } })
    .png()
    .toBuffer()

const uploaded = z.object({ document: z.object({ _id: z.string(), path: z.string() }) })

export async function openArchive(): Promise<Archive> {
  const lake = openLake({ ...sealedFolder('lake-archive-'), log: () => {} })
  const dataset = lake.services.datasets.ensure('production')
  const now = new Date()
  const create = (role: Role, userId: string) => lake.services.tokens.create({ name: `${role} (test)`, role, userId, now })
  const revoked = create('administrator', 'revoked-admin')
  lake.services.tokens.revoke(revoked.info.tokenId, now)
  const tokens: Record<Caller, string | null> = {
    administrator: create('administrator', 'admin-test').token,
    supervisor: create('supervisor', 'supervisor-test').token,
    therapist: create('therapist', 'therapist-sophea').token,
    publisher: create('publisher', 'publisher-test').token,
    none: null,
    revoked: revoked.token,
    malformed: 'lake_not-a-token!',
  }
  const upload = async (path: string, body: Buffer) => {
    const response = await call(lake, 'POST', path, tokens.administrator, new Uint8Array(body))
    return uploaded.parse(JSON.parse(response.text)).document
  }
  const privateImage = await upload(`${apiVersionPath}/assets/images/production`, await pixel(10))
  const publicImage = await upload(`${apiVersionPath}/assets/images/production`, await pixel(200))
  const privateFile = await upload(`${apiVersionPath}/assets/files/production?filename=consent-scan.pdf`, Buffer.from('%PDF fictional'))
  const image = (id: string) => ({ _type: 'image', asset: { _type: 'reference', _ref: id } })
  dataset.mutate(
    [
      { create: { _id: 'survivor-own', _type: 'survivor', name: 'Own (fictional)', assignedTherapist: 'therapist-sophea' } },
      {
        create: {
          _id: 'survivor-other',
          _type: 'survivor',
          name: `${secrets.otherSurvivor} (fictional)`,
          assignedTherapist: 'therapist-dara',
          photo: image(privateImage._id),
          consentScan: { _type: 'file', asset: { _type: 'reference', _ref: privateFile._id } },
        },
      },
      { create: { _id: 'followup-other', _type: 'followUp', therapist: 'therapist-dara', note: secrets.followUp } },
      { create: { _id: 'consent-1', _type: 'consentRecord', witnessName: consentSecret } },
      // The therapist's own case: a published testimony, one only drafted, and a consent record.
      {
        create: {
          _id: 'testimony-own',
          _type: 'testimony',
          therapist: 'therapist-sophea',
          workflowState: 'published',
          review: { passedBy: 'supervisor-test', passedAt: '2026-11-20T09:00:00Z' },
        },
      },
      { create: { _id: 'drafts.testimony-drafted', _type: 'testimony', therapist: 'therapist-sophea', workflowState: 'drafting' } },
      { create: { _id: 'consent-own', _type: 'consentRecord', therapist: 'therapist-sophea', testimony: { _ref: 'testimony-drafted' } } },
    ],
    { author: 'admin-test' },
  )
  const { transactionId } = dataset.mutate(
    [
      { create: { _id: 'theme-public', _type: 'theme', title: { en: 'Public theme' }, image: image(publicImage._id) } },
      { create: { _id: 'drafts.theme-public', _type: 'theme', title: { en: 'Draft of the theme' } } },
    ],
    { author: 'admin-test' },
  )
  return {
    lake,
    tokens,
    privateImage: privateImage.path,
    publicImage: publicImage.path,
    privateFile: privateFile.path,
    firstRevision: transactionId,
  }
}

export interface Answer {
  status: number
  text: string
  contentType: string
}

/** One request in process; an event stream is read up to its first event, then closed. */
export async function call(lake: Lake, method: string, path: string, token: string | null, body?: BodyInit): Promise<Answer> {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  return answerOf(await lake.app.request(path, { method, headers, ...(body === undefined ? {} : { body }) }))
}

/** The status and text of a response; an event stream is read up to its first event, then closed. */
export async function answerOf(response: Response): Promise<Answer> {
  const contentType = response.headers.get('content-type') ?? ''
  if (!contentType.includes('text/event-stream')) return { status: response.status, text: await response.text(), contentType }
  const reader = response.body?.getReader()
  const first = await reader?.read()
  await reader?.cancel()
  return { status: response.status, text: new TextDecoder().decode(first?.value), contentType }
}

/** The archive served on a free port, for the tests that go through Node's HTTP server. */
export async function serveArchive(): Promise<{ archive: Archive; port: number; close(): Promise<void> }> {
  const archive = await openArchive()
  const server = await serveLake(archive.lake, 0)
  return {
    archive,
    port: server.port,
    async close() {
      await server.close()
      archive.lake.close()
    },
  }
}
