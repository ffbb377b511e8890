// Each person's own settings (the Studio's language above all) are kept with her account: what she
// stores she reads back, after a restart too; nobody else reads them; a bad body is a clear 400.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLake } from '../../lake/index.ts'
import { keyFor } from './testKey.ts'
import { apiVersionPath } from '../../core/index.ts'

const v = apiVersionPath

function lakeWithTwoPeople(dataDir: string) {
  const lake = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
  const now = new Date()
  const token = (userId: string) => lake.services.tokens.create({ name: userId, role: 'therapist', userId, now }).token
  return { lake, sovann: token('therapist-sovann'), sophea: token('therapist-sophea') }
}

const ask = (lake: ReturnType<typeof openLake>, token: string, method: string, path: string, body?: unknown) =>
  lake.app.request(`${v}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

describe('settings kept with each account', () => {
  it('answers what she stored, to her alone, and after the lake restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lake-settings-'))
    const first = lakeWithTwoPeople(dataDir)
    const stored = await ask(first.lake, first.sovann, 'PUT', '/users/me/keyvalue', [{ key: 'archive.locale', value: 'en-US' }])
    expect(await stored.json()).toEqual([{ key: 'archive.locale', value: 'en-US' }])
    const mine = await ask(first.lake, first.sovann, 'GET', '/users/me/keyvalue/archive.locale,other')
    expect(await mine.json()).toEqual([
      { key: 'archive.locale', value: 'en-US' },
      { key: 'other', value: null },
    ])
    const hers = await ask(first.lake, first.sophea, 'GET', '/users/me/keyvalue/archive.locale')
    expect(await hers.json()).toEqual([{ key: 'archive.locale', value: null }])
    first.lake.close()

    const again = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
    const afterRestart = await ask(again, first.sovann, 'GET', '/users/me/keyvalue/archive.locale')
    expect(await afterRestart.json()).toEqual([{ key: 'archive.locale', value: 'en-US' }])
    await ask(again, first.sovann, 'PUT', '/users/me/keyvalue', [{ key: 'archive.locale', value: null }])
    expect(await (await ask(again, first.sovann, 'GET', '/users/me/keyvalue/archive.locale')).json()).toEqual([
      { key: 'archive.locale', value: null },
    ])
    again.close()
  })

  it('refuses a body that is not a list of keys and values, saying what it should be', async () => {
    const { lake, sovann } = lakeWithTwoPeople(mkdtempSync(join(tmpdir(), 'lake-settings-')))
    const answer = await ask(lake, sovann, 'PUT', '/users/me/keyvalue', { key: 'archive.locale' })
    expect(answer.status).toBe(400)
    expect(JSON.stringify(await answer.json())).toContain('[{\\"key\\": \\"studio.locale\\"')
    const tooBig = await ask(lake, sovann, 'PUT', '/users/me/keyvalue', [{ key: 'big', value: 'x'.repeat(20_000) }])
    expect(tooBig.status).toBe(400)
    lake.close()
  })
})
