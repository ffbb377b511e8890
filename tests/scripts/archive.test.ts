// `npm start` as a user runs it: the seed loads on first run, the report and sign-in links print,
// the public site serves the published stories,
// the links sign in, and a second start keeps the data and makes new links.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lakeClient } from '../../lake/index.ts'
import { startArchive } from '../../scripts/archive.ts'

describe('starting the archive', () => {
  it('loads the seed once, validates it, prints the report and working sign-in links, then at later starts a one-line summary', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'archive-start-'))
    const lines: string[] = []
    const first = await startArchive({
      dataDir,
      lakePort: 0,
      studioPort: 0,
      sitePort: 0,
      out: (line) => lines.push(line),
      today: () => '2026-11-29',
      timeZone: 'Asia/Phnom_Penh',
    })
    const text = lines.join('\n')
    expect(text).toContain('Loaded the fictional seed archive: 72 documents.')
    expect(text).toContain('against the schema: 0 errors')
    expect(text).toContain('6 of 13 testimonies may be on the website')
    expect(first.errors).toBe(0)
    const therapist = first.links.find((link) => link.role === 'therapist')
    expect(text).toContain(`http://localhost:${first.studioPort}/#token=${therapist?.token}`)
    const client = lakeClient({ port: first.lakePort, token: therapist?.token ?? '' })
    expect(await client.fetch('count(*[_type == "survivor"])')).toBeGreaterThan(0)
    expect(text).toContain(`The public site: http://localhost:${first.sitePort}`)
    const home = await fetch(`http://127.0.0.1:${first.sitePort}/en/stories/`)
    expect(await home.text()).toContain('data-story="the-wedding-i-did-not-choose"')
    await first.stop()

    const again: string[] = []
    const second = await startArchive({
      dataDir,
      lakePort: 0,
      studioPort: 0,
      sitePort: 0,
      out: (line) => again.push(line),
      today: () => '2026-11-29',
      timeZone: 'Asia/Phnom_Penh',
    })
    expect(again.join('\n')).not.toContain('Loaded the fictional seed archive')
    // Later starts say how many may be public, without checking and listing every testimony again.
    expect(again.join('\n')).toContain('6 of 13 testimonies may be on the website.')
    expect(again.join('\n')).not.toContain('✓ testimony-01')
    expect(second.errors).toBeNull()
    const oldLink = lakeClient({ port: second.lakePort, token: therapist?.token ?? '' })
    await expect(oldLink.fetch('count(*)')).rejects.toMatchObject({ statusCode: 401 })
    await second.stop()
  }, 120_000) // two starts, each with a whole site build: about 20 s on the shared 2-core machine
})
