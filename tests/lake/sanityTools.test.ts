// A dataset moves between lakes with Sanity's own tools, in the versions `sanity dataset export` and
// `import` use: @sanity/export 7 (which sends its token only to Sanity's CDN, so it downloads through
// the lake's signed addresses) writes the archive of a lake with private recordings, photographs and
// scans; @sanity/import loads it into a fresh lake; everything comes back, the files byte for byte.
// All names and texts here are fictional.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportDataset } from '@sanity/export'
import { sanityImport } from '@sanity/import'
import sharp from 'sharp'
import * as tar from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runLakeCli } from '../../lake/cli.ts'
import { openLake, type LakeDocument } from '../../lake/index.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { keyFor, testCli } from './testKey.ts'

let source: LakeHarness
let target: LakeHarness
const work = mkdtempSync(join(tmpdir(), 'sanity-tools-'))
const archiveFile = join(work, 'from-sanity-export.tar.gz')

const khmer = {
  pseudonym: 'ស្រីពៅ (ឈ្មោះក្លែងក្លាយ)',
  body: 'ខ្ញុំចង់ឲ្យកូនចៅដឹងពីអ្វីដែលបានកើតឡើង។ (អត្ថបទគំរូ)',
  place: 'វត្តគំរូ',
}

const picture = (width: number, height: number, red: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: red, g: 90, b: 40 } } })
/** A phone photograph's EXIF and GPS: the lake keeps it re-encoded without them. */
const photoWithGps = () =>
  picture(40, 30, 200)
    .jpeg()
    .withExif({ IFD0: { Make: 'FictionalCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '11/1 33/1 0/1' } })
    .toBuffer()
/** A recording: an ID3 tag, then bytes that stand for the audio. */
const recording = Buffer.concat([Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000'), randomBytes(200_000)])
const consentScan = Buffer.from('%PDF-1.4 consent form scan (fictional)\n%%EOF\n')

const image = (id: string) => ({ _type: 'image', asset: { _type: 'reference', _ref: id } })
const file = (id: string) => ({ _type: 'file', asset: { _type: 'reference', _ref: id } })
const paragraph = (text: string) => [
  { _type: 'block', _key: 'b1', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's1', text, marks: [] }] },
]
const isAsset = (document: LakeDocument) => document._type === 'sanity.imageAsset' || document._type === 'sanity.fileAsset'
const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex')

beforeAll(async () => {
  source = await startLake()
  target = await startLake()
  const client = source.client('administrator')
  const portrait = await client.assets.upload('image', await picture(30, 20, 10).jpeg().toBuffer(), { filename: 'portrait.jpg' })
  const pagoda = await client.assets.upload('image', await picture(30, 20, 250).png().toBuffer(), { filename: 'pagoda.png' })
  const phone = await client.assets.upload('image', await photoWithGps(), { filename: 'phone-photo.jpg' })
  const audio = await client.assets.upload('file', recording, { filename: 'testimony.mp3', contentType: 'audio/mpeg' })
  const scan = await client.assets.upload('file', consentScan, { filename: 'consent.pdf', contentType: 'application/pdf' })
  // Uploaded, used by nothing yet: still part of the dataset.
  await client.assets.upload('file', Buffer.from('A note kept for later (fictional)'), { filename: 'note.txt', contentType: 'text/plain' })
  await client
    .transaction()
    .create({
      _id: 'survivor-1',
      _type: 'survivor',
      pseudonym: khmer.pseudonym,
      assignedTherapist: 'therapist-sophea',
      photo: image(portrait._id),
    })
    .create({
      _id: 'drafts.testimony-1',
      _type: 'testimony',
      therapist: 'therapist-sophea',
      workflowState: 'drafting',
      survivor: { _type: 'reference', _ref: 'survivor-1' },
      title: { km: 'ការចងចាំ (គំរូ)', en: 'Remembering (sample)' },
      body: { km: paragraph(khmer.body), en: paragraph('I want my grandchildren to know what happened. (sample text)') },
      photos: [{ ...image(phone._id), _key: 'p1' }],
      publicVersion: { recording: file(audio._id) },
      ceremony: { _type: 'reference', _ref: 'ceremony-1' },
    })
    .create({
      _id: 'consent-1',
      _type: 'consentRecord',
      therapist: 'therapist-sophea',
      testimony: { _type: 'reference', _ref: 'testimony-1', _weak: true },
      scan: file(scan._id),
    })
    .create({ _id: 'ceremony-1', _type: 'ceremony', place: { km: khmer.place, en: 'A pagoda (fictional)' }, photo: image(pagoda._id) })
    .create({ _id: 'drafts.ceremony-1', _type: 'ceremony', place: { km: `${khmer.place} ថ្មី`, en: 'A pagoda, renamed (fictional)' } })
    .create({ _id: 'drafts.theme-1', _type: 'theme', title: { km: 'ការរៀបការដោយបង្ខំ', en: 'Forced marriage' } })
    .commit()
})
afterAll(async () => {
  await source.stop()
  await target.stop()
})

/** Every document of a lake, by id, as the administrator reads it. */
async function documentsOf(lake: LakeHarness): Promise<Map<string, LakeDocument>> {
  const documents = await lake.client('administrator').fetch<LakeDocument[]>('*')
  return new Map(documents.map((document) => [document._id, document]))
}

/** The stored bytes of an asset, fetched with a token. */
async function bytesOf(lake: LakeHarness, asset: LakeDocument): Promise<Buffer> {
  const response = await fetch(`http://127.0.0.1:${lake.port}/${String(asset.path)}`, {
    headers: { Authorization: `Bearer ${lake.tokens.administrator}` },
  })
  expect(response.status).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}

/** A document without what a write sets anew (revision, times) and with asset ids renamed. */
function comparable(document: LakeDocument, renamed: Map<string, string>): unknown {
  const { _rev, _updatedAt, ...rest } = document
  const text = JSON.stringify(rest, (key, value) => (key === '_ref' && typeof value === 'string' ? (renamed.get(value) ?? value) : value))
  return JSON.parse(text)
}

describe('Sanity’s own tools and the lake', () => {
  it('@sanity/export downloads every private image and file of the lake, without a token', async () => {
    const warnings: unknown[] = []
    const warn = console.warn
    console.warn = (...args: unknown[]) => warnings.push(args)
    try {
      const result = await exportDataset({
        client: source.client('administrator'),
        dataset: 'production',
        outputPath: archiveFile,
        assets: true,
        drafts: true,
        onProgress: () => {},
      })
      expect(result.assetCount).toBe(6)
    } finally {
      console.warn = warn
    }
    expect(warnings).toEqual([])
    const entries: string[] = []
    await tar.t({ file: archiveFile, onReadEntry: (entry) => entries.push(entry.path) })
    expect(entries.filter((path) => /\/images\/[^/]+$/.test(path))).toHaveLength(3)
    expect(entries.filter((path) => /\/files\/[^/]+$/.test(path))).toHaveLength(3)
  })

  it('@sanity/import loads that archive into a fresh lake: documents, drafts, Khmer, references, files byte for byte', async () => {
    const result = await sanityImport(createReadStream(archiveFile), {
      client: target.client('administrator'),
      operation: 'create',
      onProgress: () => {},
    })
    expect(result.numDocs).toBeGreaterThanOrEqual(6)

    const before = await documentsOf(source)
    const after = await documentsOf(target)
    // Each asset of the source is found in the target by its stored bytes, which must be equal.
    const renamed = new Map<string, string>()
    const targetAssets = new Map<string, LakeDocument>()
    for (const asset of [...after.values()].filter(isAsset)) targetAssets.set(sha1(await bytesOf(target, asset)), asset)
    const sourceAssets = [...before.values()].filter(isAsset)
    expect(sourceAssets).toHaveLength(6)
    expect(targetAssets.size).toBe(6)
    for (const asset of sourceAssets) {
      const bytes = await bytesOf(source, asset)
      const copy = targetAssets.get(sha1(bytes))
      expect(copy, `a copy of ${String(asset.originalFilename)}`).toBeDefined()
      expect((await bytesOf(target, copy ?? asset)).equals(bytes)).toBe(true)
      renamed.set(asset._id, copy?._id ?? '')
      expect(copy).toMatchObject({
        _type: asset._type,
        originalFilename: asset.originalFilename,
        mimeType: asset.mimeType,
        size: asset.size,
        extension: asset.extension,
      })
      if (asset._type === 'sanity.imageAsset') expect(copy?.metadata).toEqual(asset.metadata)
    }
    // A bare image keeps its id; the phone photograph, stored without its EXIF, is named by those bytes.
    const moved = [...renamed].filter(([from, to]) => from !== to).map(([from]) => before.get(from)?.originalFilename)
    expect(moved).toEqual(['phone-photo.jpg'])

    const contents = (documents: Map<string, LakeDocument>, names: Map<string, string>) =>
      [...documents.values()]
        .filter((document) => !isAsset(document))
        .map((document) => comparable(document, names))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
    expect(contents(after, new Map())).toEqual(contents(before, renamed))
    expect(after.get('survivor-1')?.pseudonym).toBe(khmer.pseudonym)
    expect(JSON.stringify(after.get('drafts.testimony-1'))).toContain(khmer.body)
    expect(after.has('drafts.ceremony-1') && after.has('ceremony-1') && after.has('drafts.theme-1')).toBe(true)
  })

  it('the lake’s own import reads the archive @sanity/export wrote, with the assets its documents use', async () => {
    const lines: string[] = []
    const dataDir = join(work, 'lake-c')
    expect(await runLakeCli(['import', archiveFile, '--data', dataDir], (line) => lines.push(line), undefined, testCli)).toBe(0)
    // Not the note no document uses: an import into the lake brings only what its documents use, so
    // that a file only an erased testimony used does not come back with an old backup.
    expect(lines.at(-1)).toContain('Imported 6 documents and 5 assets')
    const lake = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
    try {
      const imported = lake.services.datasets.get('production').documents()
      const names = imported.filter(isAsset).map((asset) => [asset.originalFilename, asset.mimeType])
      expect(names.sort()).toEqual([
        ['consent.pdf', 'application/pdf'],
        ['pagoda.png', 'image/png'],
        ['phone-photo.jpg', 'image/jpeg'],
        ['portrait.jpg', 'image/jpeg'],
        ['testimony.mp3', 'audio/mpeg'],
      ])
      expect(JSON.stringify(imported)).toContain(khmer.body)
    } finally {
      lake.close()
    }
  })

  it('@sanity/import loads what the lake exports, documents and images', async () => {
    const file = join(work, 'from-lake.tar.gz')
    expect(await runLakeCli(['export', file, '--plain', '--data', source.dataDir], () => {}, undefined, testCli)).toBe(0)
    const other = await startLake()
    try {
      const result = await sanityImport(createReadStream(file), {
        client: other.client('administrator'),
        operation: 'createOrReplace',
        onProgress: () => {},
      })
      expect(result.numDocs).toBeGreaterThanOrEqual(6)
      const ceremony = await other.client('administrator').getDocument('ceremony-1')
      const ref = ceremony?.photo?.asset?._ref
      expect(ref).toMatch(/^image-[a-f0-9]{40}-30x20-png$/)
      expect(await other.client('administrator').getDocument(ref)).toMatchObject({ _type: 'sanity.imageAsset' })
    } finally {
      await other.stop()
    }
  })
})
