// Publish → withdraw → erase, through the Studio's own calls (the mutations and actions its workflow
// functions make, sent as its actions send them), with the live site following: then the lake is
// stopped, and none of the testimony's unique words (her text, titles, address, survivor record,
// follow-up call, witness, recording tags), nor her photograph's bytes in any size, is in any file of
// the data folder (SQLite with its WAL, assets, the live site's ledger and builds) or of the build
// caches; the history routes answer nothing about any of her documents.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { testimonyDocument, type ConsentDocument } from '../../../core/index.ts'
import { startLiveSite, type LiveSite } from '../../../site/live/index.ts'
import {
  approvalMutations,
  checkApproval,
  planWithdrawal,
  publishMutations,
  readBackParts,
  stepEdits,
  type ApprovalForm,
} from '../../../studio/workflow/index.ts'
import { startLake, type LakeHarness } from '../../lake/lakeHarness.ts'
import { taggedRecording } from '../build/mp3Fixture.ts'

const today = '2026-11-29'
const unique = randomUUID().slice(0, 8).toUpperCase()
const word = (what: string) => `ERASE${unique}${what}`
const markers = [
  'TITLE',
  'BODY',
  'HOPES',
  'PUBLICTITLE',
  'PUBLICBODY',
  'BYLINE',
  'FIRSTNAME',
  'SURVIVOR',
  'VILLAGE',
  'CALL',
  'WITNESS',
  'TAG',
]
const slug = `erase${unique.toLowerCase()}-story`
const block = (text: string) => [
  { _type: 'block', _key: 'b', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's', text, marks: [] }] },
]
const repositoryCaches = [
  'node_modules/.cache',
  'node_modules/.astro',
  'node_modules/.vite',
  'site/.astro',
  'site/node_modules',
  '.astro',
].map((path) => fileURLToPath(new URL(`../../../${path}`, import.meta.url)))

/** Every file under these folders that holds any of these byte strings, with what it holds. */
function holding(folders: ReadonlyArray<string>, needles: ReadonlyArray<{ name: string; bytes: Buffer }>): string[] {
  const found: string[] = []
  const walk = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) return readdirSync(path).forEach((entry) => walk(join(path, entry)))
    const bytes = readFileSync(path)
    for (const needle of needles) if (bytes.includes(needle.bytes)) found.push(`${path}: ${needle.name}`)
  }
  folders.forEach(walk)
  return found
}

let lake: LakeHarness | null = null
let site: LiveSite | null = null
const dataDir = mkdtempSync(join(tmpdir(), 'erasure-e2e-'))
afterAll(async () => {
  await site?.stop()
  await lake?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('an erased testimony', () => {
  it('leaves none of its words or photographs anywhere the archive writes, and no history', async () => {
    lake = await startLake({ dataDir, today, plain: true }) // bytes are searched: see tests/lake/erasure.test.ts
    const harness = lake
    const therapist = harness.client('therapist')
    const supervisor = harness.client('supervisor')
    const id = `testimony-${unique.toLowerCase()}`
    const draftId = `drafts.${id}`
    const liveFolder = join(dataDir, 'site')
    site = await startLiveSite({
      client: harness.client('publisher', { perspective: 'published' }),
      folder: liveFolder,
      port: 0,
      today: () => today,
      log: () => {},
      rebuildDelayMs: 200,
    })
    const live = site
    const page = async (path: string) => (await fetch(`http://127.0.0.1:${live.port}${path}`)).text()

    // Her survivor record with a photograph, a follow-up call, and her testimony with its recording.
    const photo = await therapist.assets.upload(
      'image',
      await sharp(Buffer.from(Array.from({ length: 48 * 48 * 3 }, (_, i) => (i * 7919 + unique.charCodeAt(i % 8)) % 256)), {
        raw: { width: 48, height: 48, channels: 3 },
      })
        .png()
        .toBuffer(),
    )
    const recording = taggedRecording(word('TAG'))
    const audio = await therapist.assets.upload('file', recording.file, { filename: `${word('TAG')}.mp3` })
    const survivorId = `survivor-${unique.toLowerCase()}`
    await therapist.create({
      _id: survivorId,
      _type: 'survivor',
      name: word('SURVIVOR'),
      village: word('VILLAGE'),
      language: 'km',
      assignedTherapist: 'therapist-sophea',
      photo: { _type: 'image', asset: { _type: 'reference', _ref: photo._id } },
    })
    await therapist.create({
      _id: `followup-${unique.toLowerCase()}`,
      _type: 'followUp',
      survivor: { _type: 'reference', _ref: survivorId },
      therapist: 'therapist-sophea',
      due: today,
      outcome: word('CALL'),
    })
    await therapist.create({
      _id: draftId,
      _type: 'testimony',
      therapist: 'therapist-sophea',
      workflowState: 'drafting',
      survivor: { _type: 'reference', _ref: survivorId },
      title: { en: word('TITLE') },
      body: { en: block(word('BODY')) },
      hopes: { en: word('HOPES') },
      publicVersion: {
        title: { en: word('PUBLICTITLE') },
        byline: { en: word('BYLINE') },
        firstName: { en: word('FIRSTNAME') },
        body: { en: block(`${word('PUBLICBODY')} I was married by force.`) },
        recording: { _type: 'file', asset: { _type: 'reference', _ref: audio._id } },
      },
      slug: { _type: 'slug', current: slug },
      themes: [],
      contentWarnings: ['forced-marriage'],
    })
    // The transformed-image cache holds her photograph in another size too.
    const resized = await fetch(`http://localhost:${harness.port}/${photo.path}?w=20`, {
      headers: { Authorization: `Bearer ${harness.tokens.therapist}` },
    })
    expect(resized.status).toBe(200)
    const photographs = [
      { name: 'the photograph', bytes: readFileSync(join(dataDir, 'datasets', 'production', 'assets', photo.path.split('/').pop() ?? '')) },
      { name: 'the photograph, resized', bytes: Buffer.from(await resized.arrayBuffer()) },
    ]

    // The Studio's steps: submit, pass, her approval from the sheet's codes, publish.
    const step = (client: typeof therapist, which: 'submit' | 'pass', userId: string) =>
      client.action(stepEdits(which, { publishedId: id, userId, now: `${today}T09:00:00Z`, note: null }))
    await step(therapist, 'submit', 'therapist-sophea')
    await step(supervisor, 'pass', 'supervisor-test')
    const draft = testimonyDocument.parse(await therapist.getDocument(draftId))
    const codes = Object.fromEntries(readBackParts(draft).map((part) => [part.part, part.code]))
    const form: ApprovalForm = {
      codes,
      scopes: ['ceremonyReading', 'website', 'firstName', 'voiceRecording', 'teaching'],
      method: 'spokenWitnessed',
      explainedIn: 'km',
      witnessName: word('WITNESS'),
      witnessRole: 'Neighbour',
      dateGiven: today,
      reviewDate: '2027-11-29',
    }
    const approval = checkApproval({
      testimony: draft,
      inForce: null,
      form,
      today,
      recordedBy: 'therapist-sophea',
      recordId: `consent-${unique}`,
    })
    if (!approval.ok) throw new Error(JSON.stringify(approval.problems))
    const record = { ...approval.record, _id: `consent-${unique}`, _type: 'consentRecord' }
    const noStory = { consents: [], previousStory: null, published: null }
    await therapist.mutate(approvalMutations(id, record, (await therapist.getDocument(draftId)) ?? null, noStory), { visibility: 'sync' })
    const consents = (): Promise<ConsentDocument[]> => therapist.fetch('*[_type == "consentRecord" && testimony._ref == $id]', { id })
    const approved = await therapist.getDocument(draftId)
    if (!approved) throw new Error('the approved draft is gone')
    await therapist.mutate(publishMutations(id, approved, { consents: await consents(), previousStory: null }), { visibility: 'sync' })

    // The live site shows her story, and plays her recording without its tags.
    await expect.poll(() => page(`/en/stories/${slug}/`), { timeout: 60_000, interval: 500 }).toContain(word('PUBLICBODY'))
    await live.settled()
    const storyPage = await page(`/en/stories/${slug}/`)
    expect(storyPage).toContain(word('FIRSTNAME'))
    const media = /\/media\/[0-9a-f]+\.mp3/.exec(storyPage)?.[0]
    expect(media).toBeDefined()
    const played = Buffer.from(await (await fetch(`http://127.0.0.1:${live.port}${media}`)).arrayBuffer())
    expect(played.equals(recording.audio)).toBe(true)
    // The build's report names it, so the live site can refuse it the moment she withdraws.
    expect(live.lastBuild()?.builtStories[slug]?.media).toEqual([media])

    // She withdraws: the Studio's withdrawal.
    const plan = planWithdrawal({
      published: (await therapist.getDocument(id)) ?? null,
      draft: (await therapist.getDocument(draftId)) ?? null,
      testimonyId: id,
      consents: await consents(),
      method: 'inPerson',
      today,
      recordedBy: 'therapist-sophea',
      key: 'w1',
      previousStory: (await therapist.getDocument(`publicStory-${id}`)) ?? null,
    })
    if (!plan.possible) throw new Error('nothing to withdraw')
    await therapist.mutate(plan.mutations, { visibility: 'sync' })
    await expect.poll(() => page(`/en/stories/${slug}/`), { timeout: 60_000, interval: 500 }).not.toContain(word('PUBLICBODY'))
    // Her voice goes with her words.
    expect((await fetch(`http://127.0.0.1:${live.port}${media}`)).status).toBe(404)
    await live.settled()
    // Until the erasure her words are on disk, so that finding none afterwards means something.
    const ledger = join(liveFolder, 'published.json')
    await expect.poll(() => readFileSync(ledger, 'utf8'), { timeout: 60_000 }).toContain(slug)
    expect(holding([dataDir], [{ name: 'the body', bytes: Buffer.from(word('BODY')) }, ...photographs])).not.toEqual([])

    // An administrator erases it, as the Studio's erase action asks the lake.
    const erased = await harness
      .client('administrator')
      .request({ url: '/data/erase/production', method: 'POST', body: { testimonyId: id } })
    expect(erased).toMatchObject({ assetsRemoved: 2 })
    await expect.poll(() => readFileSync(ledger, 'utf8'), { timeout: 60_000, interval: 500 }).not.toContain(slug)
    await live.settled()
    expect((await fetch(`http://127.0.0.1:${live.port}/en/stories/${slug}/`)).status).toBe(404)

    // The history routes answer nothing about any of her documents.
    const admin = harness.client('administrator')
    for (const document of [id, draftId, `publicStory-${id}`, `consent-${unique}`, survivorId, `followup-${unique.toLowerCase()}`]) {
      expect(await admin.request({ url: `/data/history/production/transactions/${document}?excludeContent=false` }), document).toBeFalsy()
      expect(await admin.request({ url: `/data/history/production/documents/${document}?time=2999-01-01T00:00:00Z` })).toEqual({
        documents: [],
      })
      const events = await admin.request<{ events: Record<string, unknown[]> }>({
        url: `/data/history/production/events/documents/${document}`,
      })
      expect(events.events[document], document).toEqual([])
    }

    await live.stop()
    site = null
    await harness.stop()
    lake = null
    const words = markers.map((what) => ({ name: what, bytes: Buffer.from(word(what)) }))
    const found = holding([dataDir, ...repositoryCaches], [...words, { name: 'the address', bytes: Buffer.from(slug) }, ...photographs])
    expect(found).toEqual([])
    // No cache of resized images is left either.
    expect(readdirSync(join(dataDir, 'datasets', 'production', 'assets')).filter((name) => name === 'transformed')).toEqual([])
    expect(existsSync(join(dataDir, 'datasets', 'production', 'assets', 'transformed'))).toBe(false)
  }, 300_000)
})
