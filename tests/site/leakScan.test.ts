// The leak scan: the site is built from an archive full of private words (names, villages, phone
// numbers, witnesses, drafts, full texts, withdrawn and lapsed stories, annotations the projection
// must drop), and every file of the build, gzip-compressed Pagefind files decoded, is searched for
// them. Zero hits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { spacedKhmer } from '../../site/index.ts'
import { privateDocuments, privateStrings, withdrawnInTest } from './privateArchive.ts'
import { buildTestSite, type SiteHarness } from './siteHarness.ts'

let site: SiteHarness
beforeAll(async () => {
  site = await buildTestSite({
    extraDocuments: privateDocuments(),
    publishedBefore: [withdrawnInTest],
    prepare: async (lake) => {
      // The author of testimony-02 withdraws after it was published; the lake unpublishes it at once.
      await lake
        .client('administrator')
        .patch('consent-02')
        .setIfMissing({ withdrawals: [] })
        .append('withdrawals', [
          {
            _key: 'w-test',
            _type: 'withdrawal',
            date: '2026-11-20',
            method: 'LEAKSCAN-WITHDRAWAL-METHOD',
            recordedBy: 'therapist-dara',
            scopes: ['website', 'teaching'],
          },
        ])
        .commit()
    },
  })
}, 120_000)
afterAll(async () => {
  await site?.stop()
})

function everyFile(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? everyFile(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

function readable(file: string): string {
  const bytes = readFileSync(file)
  const decoded = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes
  return decoded.toString('utf8')
}

describe('the leak scan', () => {
  it('still publishes the stories whose private annotations the projection must drop', () => {
    expect(site.report.stories).toBe(5)
    expect(readFileSync(join(site.outDir, 'en/stories/what-men-also-did-not-dare-to-say/index.html'), 'utf8')).toContain('<h1')
  })

  it('finds none of the private strings in any file of the build, Pagefind fragments decoded', () => {
    const files = everyFile(site.outDir)
    expect(files.some((file) => file.endsWith('.pf_fragment'))).toBe(true)
    const secrets = privateStrings(site.lake)
    for (const known of [
      'Keo Chanthy',
      'Chanthy',
      'Trapeang Snay Meas',
      '000 000 101',
      'Keo Sovannary (fictional)',
      'LEAKSCAN',
      'leakscan.example',
    ]) {
      expect(secrets).toContain(known)
    }
    // Withdrawn in this test, lapsed (review date passed), and a draft never published:
    for (const title of [
      'The prison beside the stream',
      'The boatman who lost his voice',
      'The camp where they said we would be rebuilt',
    ]) {
      expect(secrets).toContain(title)
    }
    const needles = secrets.flatMap((needle) => [needle, needle.toLowerCase(), spacedKhmer(needle)])
    const hits: string[] = []
    for (const file of files) {
      const text = readable(file)
      const lower = text.toLowerCase()
      for (const needle of new Set(needles))
        if (needle.length > 3 && (text.includes(needle) || lower.includes(needle))) hits.push(`${file}: ${needle}`)
    }
    expect(hits).toEqual([])
    // The scan does see what is public, in pages and in the decoded index.
    const fragments = files.filter((file) => file.endsWith('.pf_fragment')).map(readable)
    expect(fragments.some((text) => text.includes('the unit chief told me that Angkar had chosen a husband for me'))).toBe(true)
  })

  it('gives the story withdrawn since the last build a neutral page that shows nothing of it', () => {
    const page = readFileSync(join(site.outDir, `en/stories/${withdrawnInTest.slug}/index.html`), 'utf8')
    expect(page).toContain('removed at its author')
    expect(readFileSync(join(site.outDir, 'sitemap.xml'), 'utf8')).not.toContain(withdrawnInTest.slug)
  })
})
