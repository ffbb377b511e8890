// `npm start` as a user runs it: the seed loads on first run, the report and the demo accounts'
// passphrases print, the public site serves the published stories, a printed passphrase signs in,
// and a second start keeps the data, the accounts and their sessions.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lakeClient } from '../../wire/index.ts'
import { startArchive } from '../../scripts/archive.ts'
import { keyFor } from '../lake/testKey.ts'

/** Signs in over HTTP as the Studio's login round trip does; the session token. */
async function signIn(lakePort: number, studioPort: number, user: string, passphrase: string): Promise<string> {
  const lake = `http://127.0.0.1:${lakePort}`
  const origin = `http://localhost:${studioPort}/`
  const answer = await fetch(`${lake}/v1/auth/login/archive`, {
    method: 'POST',
    body: new URLSearchParams({ user, passphrase, origin }),
    redirect: 'manual',
  })
  const sid = /#sid=(.+)$/.exec(answer.headers.get('Location') ?? '')?.[1] ?? ''
  const traded: unknown = await (await fetch(`${lake}/v1/auth/fetch?sid=${sid}`)).json()
  const token = traded && typeof traded === 'object' ? Reflect.get(traded, 'token') : null
  if (typeof token !== 'string') throw new Error(`${user} could not sign in (${answer.status})`)
  return token
}

describe('starting the archive', () => {
  it('loads the seed once, validates it, prints the report and the demo accounts’ passphrases, then at later starts a one-line summary', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'archive-start-'))
    const lines: string[] = []
    const first = await startArchive({
      dataDir,
      key: keyFor(dataDir),
      backups: null,
      lakePort: 0,
      studioPort: 0,
      sitePort: 0,
      out: (line) => lines.push(line),
      today: () => '2026-11-29',
      timeZone: 'Asia/Phnom_Penh',
    })
    const text = lines.join('\n')
    expect(text).toContain('Loaded the fictional seed archive: 80 documents.')
    expect(text).toContain('against the schema: 0 errors')
    expect(text).toContain('6 of 13 testimonies may be on the website')
    expect(first.errors).toBe(0)
    expect(first.demoAccounts.map((account) => account.userId)).toEqual(['therapist-sovann', 'supervisor-demo', 'administrator-demo'])
    const therapist = first.demoAccounts.find((account) => account.role === 'therapist')
    expect(text).toMatch(new RegExp(`therapist-sovann +therapist +${therapist?.passphrase}`))
    expect(text).toContain('npm run lake -- user passwd ID --data')
    expect(text).not.toContain('#token=')
    const token = await signIn(first.lakePort, first.studioPort, 'therapist-sovann', therapist?.passphrase ?? '')
    const client = lakeClient({ port: first.lakePort, token })
    expect(await client.fetch('count(*[_type == "survivor"])')).toBeGreaterThan(0)
    expect(text).toContain(`The public site: http://localhost:${first.sitePort}`)
    const home = await fetch(`http://127.0.0.1:${first.sitePort}/en/stories/`)
    expect(await home.text()).toContain('data-story="the-wedding-i-did-not-choose"')
    await first.stop()

    const again: string[] = []
    const second = await startArchive({
      dataDir,
      key: keyFor(dataDir),
      backups: null,
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
    // The accounts are kept, their passphrases not shown again, and her session survived the restart.
    expect(second.demoAccounts).toEqual([])
    expect(again.join('\n')).toContain('Sign in with a staff account (3 active')
    expect(again.join('\n')).not.toContain(therapist?.passphrase)
    const stillSignedIn = lakeClient({ port: second.lakePort, token })
    expect(await stillSignedIn.fetch('count(*[_type == "survivor"])')).toBeGreaterThan(0)
    await second.stop()
  }, 120_000) // two starts, each with a whole site build: about 20 s on the shared 2-core machine
})
