// The live site misses nothing while the lake is away: a withdrawal recorded while the site could
// not hear it is caught when the site is listening again, and the story is taken off.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments, openLake, serveLake, type Lake } from '../../../lake/index.ts'
import { lakeClient } from '../../../wire/index.ts'
import { seedArchivePath } from '../../../seed/index.ts'
import { startLiveSite, type LiveSite } from '../../../site/live/index.ts'
import { siteToday } from '../siteHarness.ts'
import { keyFor } from '../../lake/testKey.ts'

let lake: Lake
let server: Awaited<ReturnType<typeof serveLake>>
let site: LiveSite
let folder: string

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'live-reconnect-'))
  lake = openLake({
    dataDir: join(folder, 'lake'),
    key: keyFor(join(folder, 'lake')),
    log: () => {},
    clock: { now: () => new Date(`${siteToday}T12:00:00Z`) },
  })
  importDocuments(lake.services.datasets.ensure('production'), readFileSync(seedArchivePath, 'utf8'), { author: 'seed', replace: false })
  const { token } = lake.services.tokens.create({ name: 'Site (test)', role: 'publisher', userId: 'site-test', now: new Date() })
  server = await serveLake(lake, 0)
  site = await startLiveSite({
    client: lakeClient({ port: server.port, token, perspective: 'published' }),
    folder: join(folder, 'site'),
    port: 0,
    today: () => siteToday,
    log: () => {},
    // Long enough that only the check on reconnecting can take the story off in time.
    rebuildDelayMs: 20_000,
  })
}, 120_000)

afterAll(async () => {
  await site?.stop()
  await server?.close()
  lake?.close()
  rmSync(folder, { recursive: true, force: true })
})

describe('the live site when the lake goes away and comes back', () => {
  it('catches a withdrawal it could not hear and takes the story off', async () => {
    const page = async () => (await fetch(`http://127.0.0.1:${site.port}/en/stories/the-wedding-i-did-not-choose/`)).text()
    expect(await page()).toContain('The wedding I did not choose')
    const port = server.port
    await server.close()
    lake.services.datasets.get('production').mutate(
      [
        {
          patch: {
            id: 'consent-01',
            setIfMissing: { withdrawals: [] },
            insert: { after: 'withdrawals[-1]', items: [{ _key: 'away', date: siteToday, scopes: ['website'] }] },
          },
        },
      ],
      { author: 'supervisor-test' },
    )
    server = await serveLake(lake, port)
    await expect.poll(page, { timeout: 15_000, interval: 250 }).toContain('removed at its author')
    expect(site.withdrawnNow()).toEqual(['the-wedding-i-did-not-choose'])
    await site.settled()
    expect(await page()).not.toContain('The wedding I did not choose')
  }, 90_000)
})
