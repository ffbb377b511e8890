// The lake's command line, run as a user runs it: tokens, import, export.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import * as tar from 'tar'
import { describe, expect, it } from 'vitest'
import { runLakeCli } from '../../lake/cli.ts'
import { openLake } from '../../lake/index.ts'
import { keyFor, testCli } from './testKey.ts'
import { apiVersionPath } from '../../core/index.ts'

async function run(...argv: string[]) {
  const lines: string[] = []
  const code = await runLakeCli(argv, (line) => lines.push(line), undefined, testCli)
  return { code, lines, last: lines.at(-1) ?? '' }
}

describe('npm run lake', () => {
  const data = mkdtempSync(join(tmpdir(), 'lake-cli-'))

  it('creates a token, prints it as the last line, and stores only its hash', async () => {
    const { code, last } = await run('token', 'create', '--role', 'therapist', '--name', 'Sophea', '--data', data)
    expect(code).toBe(0)
    expect(last).toMatch(/^lake_[A-Za-z0-9_-]{20,}$/)
    const stored = readFileSync(join(data, 'tokens.sqlite'))
    expect(stored.includes(Buffer.from(last))).toBe(false)
    const lake = openLake({ dataDir: data, key: keyFor(data) })
    expect(lake.services.tokens.authenticate(last)).toMatchObject({ name: 'Sophea', role: 'therapist' })
    lake.close()
  })

  it('lists tokens and revokes one, which then no longer signs in', async () => {
    const { last: token } = await run('token', 'create', '--role', 'publisher', '--name', 'Site build', '--data', data)
    const listed = await run('token', 'list', '--data', data)
    const row = listed.lines.find((line) => line.includes('Site build'))
    const id = row?.split(/\s+/)[0] ?? ''
    expect((await run('token', 'revoke', id, '--data', data)).code).toBe(0)
    const lake = openLake({ dataDir: data, key: keyFor(data) })
    expect(lake.services.tokens.authenticate(token)).toBeNull()
    lake.close()
  })

  it('refuses an unknown role and says which exist', async () => {
    const { code, last } = await run('token', 'create', '--role', 'janitor', '--name', 'X', '--data', data)
    expect(code).toBe(1)
    expect(last).toContain('administrator, supervisor, therapist, publisher')
  })

  it('imports an NDJSON file and exports the same documents', async () => {
    const file = join(data, 'in.ndjson')
    writeFileSync(file, ['{"_id":"theme-a","_type":"theme","title":{"en":"A"}}', '{"_id":"drafts.theme-b","_type":"theme"}'].join('\n'))
    expect((await run('import', file, '--data', data)).last).toContain('Imported 2 documents')
    const out = join(data, 'out.ndjson')
    await run('export', out, '--plain', '--data', data)
    const exported = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(exported.map((d) => d._id)).toEqual(['drafts.theme-b', 'theme-a'])
    expect(exported[1]).toMatchObject({ title: { en: 'A' } })
  })

  it('imports nothing from a file with one bad line, and says which line', async () => {
    const file = join(data, 'bad.ndjson')
    writeFileSync(file, ['{"_id":"theme-c","_type":"theme"}', '{not json'].join('\n'))
    const { code, last } = await run('import', file, '--data', data)
    expect(code).toBe(1)
    expect(last).toContain('Line 2')
    const lake = openLake({ dataDir: data, key: keyFor(data) })
    expect(lake.services.datasets.get('production').get('theme-c')).toBeNull()
    lake.close()
  })

  it('shows the usage for an unknown command', async () => {
    const { code, last } = await run('fly')
    expect(code).toBe(2)
    expect(last).toContain('Usage: npm run lake --')
  })
})

describe('moving a dataset with its assets', () => {
  it('exports a tar.gz in Sanity’s format and imports it into another lake, images and all', async () => {
    const from = mkdtempSync(join(tmpdir(), 'lake-from-'))
    const to = mkdtempSync(join(tmpdir(), 'lake-to-'))
    const source = openLake({ dataDir: from, key: keyFor(from), log: () => {} })
    const dataset = source.services.datasets.ensure('production')
    const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: 'green' } })
      .png()
      .toBuffer()
    const { token } = source.services.tokens.create({ name: 'Admin', role: 'administrator', now: new Date() })
    const upload = await source.app.request(`${apiVersionPath}/assets/images/production?filename=pagoda.png`, {
      method: 'POST',
      body: new Uint8Array(png),
      headers: { Authorization: `Bearer ${token}` },
    })
    const { document: asset } = (await upload.json()) as { document: { _id: string } }
    dataset.mutate(
      [
        {
          create: {
            _id: 'ceremony-1',
            _type: 'ceremony',
            photo: { _type: 'image', asset: { _type: 'reference', _ref: asset._id }, alt: { en: 'A pagoda' } },
          },
        },
      ],
      { author: 'test' },
    )
    source.close()

    const archive = join(from, 'backup.tar.gz')
    expect((await run('export', archive, '--plain', '--data', from)).last).toContain('1 assets')
    const listed: string[] = []
    await tar.list({ file: archive, onReadEntry: (entry) => listed.push(entry.path) })
    expect(listed.some((p) => p.endsWith('/data.ndjson'))).toBe(true)
    expect(listed.some((p) => /\/images\/[a-f0-9]{40}-20x10\.png$/.test(p))).toBe(true)

    expect((await run('import', archive, '--data', to)).last).toContain('Imported 1 documents and 1 assets')
    const target = openLake({ dataDir: to, key: keyFor(to), log: () => {} })
    const imported = target.services.datasets.get('production')
    const ceremony = imported.get('ceremony-1')
    const ref = JSON.stringify(ceremony).match(/image-[a-f0-9]{40}-20x10-png/)?.[0] ?? ''
    expect(imported.get(ref)).toMatchObject({ _type: 'sanity.imageAsset', originalFilename: 'pagoda.png' })
    expect(ceremony).toMatchObject({ photo: { alt: { en: 'A pagoda' } } })
    target.close()
  })
})
