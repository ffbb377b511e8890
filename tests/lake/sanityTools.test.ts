// A dataset moves between the lake and Sanity with Sanity's own tools: what @sanity/export writes
// from the lake, the lake imports; what the lake exports, @sanity/import loads (here into a lake,
// through the same client calls it makes against hosted Sanity).
import { createReadStream, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportDataset } from '@sanity/export'
import { sanityImport } from '@sanity/import'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runLakeCli } from '../../lake/cli.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { testCli } from './testKey.ts'

let source: LakeHarness
let target: LakeHarness
const work = mkdtempSync(join(tmpdir(), 'sanity-tools-'))

beforeAll(async () => {
  source = await startLake()
  target = await startLake()
  const client = source.client('administrator')
  const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: 'orange' } })
    .png()
    .toBuffer()
  const asset = await client.assets.upload('image', png, { filename: 'pagoda.png' })
  await client.create({
    _id: 'ceremony-1',
    _type: 'ceremony',
    place: { en: 'A pagoda (fictional)' },
    photo: { _type: 'image', asset: { _type: 'reference', _ref: asset._id } },
  })
  await client.create({ _id: 'drafts.theme-1', _type: 'theme', title: { en: 'Forced marriage' } })
})
afterAll(async () => {
  await source.stop()
  await target.stop()
})

describe('Sanity’s own tools and the lake', () => {
  it('@sanity/export exports the lake with its assets, and the lake imports that archive', async () => {
    const file = join(work, 'from-sanity-export.tar.gz')
    const result = await exportDataset({
      client: source.client('administrator'),
      dataset: 'production',
      outputPath: file,
      assets: true,
      drafts: true,
      onProgress: () => {},
    })
    expect(result.documentCount).toBeGreaterThanOrEqual(2)
    const lines: string[] = []
    expect(await runLakeCli(['import', file, '--data', join(work, 'lake-c')], (line) => lines.push(line), undefined, testCli)).toBe(0)
    expect(lines.at(-1)).toContain('and 1 assets')
  })

  it('@sanity/import loads what the lake exports, documents and images', async () => {
    const file = join(work, 'from-lake.tar.gz')
    expect(await runLakeCli(['export', file, '--plain', '--data', source.dataDir], () => {}, undefined, testCli)).toBe(0)
    const result = await sanityImport(createReadStream(file), {
      client: target.client('administrator'),
      operation: 'createOrReplace',
      onProgress: () => {},
    })
    expect(result.numDocs).toBeGreaterThanOrEqual(2)
    const ceremony = await target.client('administrator').getDocument('ceremony-1')
    const ref = ceremony?.photo?.asset?._ref
    expect(ref).toMatch(/^image-[a-f0-9]{40}-30x20-png$/)
    expect(await target.client('administrator').getDocument(ref)).toMatchObject({ _type: 'sanity.imageAsset' })
  })
})
