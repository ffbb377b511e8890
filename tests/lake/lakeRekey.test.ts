// `npm run lake -- rekey`: a new passphrase or key file opens the data and the old one no longer
// does, without a byte of the data rewritten; a wrong current key changes nothing.
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runLakeCli } from '../../lake/cli.ts'
import { filesBelow } from './plainTextScan.ts'
import { testCost } from './testKey.ts'

async function lake(argv: string[], env: Record<string, string>, newPassphrase = '') {
  const lines: string[] = []
  const asked: string[] = []
  const code = await runLakeCli(
    argv,
    (line) => lines.push(line),
    async (prompt) => {
      asked.push(prompt)
      return newPassphrase
    },
    { env: { PATH: process.env.PATH, ...env }, ask: null, keyringCost: testCost },
  )
  return { code, text: lines.join('\n'), last: lines.at(-1) ?? '', asked }
}

/** The hash of every file but the keyring: the data itself. */
function dataHashes(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    filesBelow(dataDir)
      .filter(({ path }) => !path.endsWith('keyring.json'))
      .map(({ path, bytes }) => [path, createHash('sha256').update(bytes).digest('hex')]),
  )
}

async function folderWithData(env: Record<string, string>) {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'rekey-')), 'data')
  expect((await lake(['token', 'create', '--role', 'publisher', '--name', 'Site build', '--data', dataDir], env)).code).toBe(0)
  return dataDir
}

describe('npm run lake -- rekey', () => {
  it('changes the passphrase without rewriting the data; the old one then opens nothing', async () => {
    const old = { LAKE_PASSPHRASE: 'the old passphrase (fictional)' }
    const dataDir = await folderWithData(old)
    const before = dataHashes(dataDir)
    const keyringBefore = readFileSync(join(dataDir, 'keyring.json'), 'utf8')
    const changed = await lake(['rekey', '--data', dataDir], old, 'the new passphrase (fictional)')
    expect(changed.code).toBe(0)
    expect(changed.asked).toEqual(['New passphrase for the archive’s data (at least 10 characters)'])
    expect(changed.text).toContain('No data was rewritten; the old key no longer opens it.')
    expect(dataHashes(dataDir)).toEqual(before)
    expect(readFileSync(join(dataDir, 'keyring.json'), 'utf8')).not.toBe(keyringBefore)
    expect((await lake(['token', 'list', '--data', dataDir], { LAKE_PASSPHRASE: 'the new passphrase (fictional)' })).text).toContain(
      'Site build',
    )
    expect((await lake(['token', 'list', '--data', dataDir], old)).last).toContain('does not open the data')
  })

  it('moves the key to a new key file, and removes the .lake-key beside the data that no longer opens it', async () => {
    const work = mkdtempSync(join(tmpdir(), 'rekey-file-'))
    const dataDir = join(work, 'data')
    expect((await lake(['token', 'create', '--role', 'publisher', '--name', 'Site build', '--data', dataDir], {})).code).toBe(0)
    expect(existsSync(join(work, '.lake-key'))).toBe(true)
    const stick = join(work, 'usb', 'archive.key')
    const moved = await lake(['rekey', '--new-key-file', stick, '--data', dataDir], {})
    expect(moved.code).toBe(0)
    expect(moved.text).toContain(`start with LAKE_KEY_FILE=${stick}`)
    expect(moved.text).toContain('was removed: it opens nothing now')
    expect(existsSync(join(work, '.lake-key'))).toBe(false)
    expect((await lake(['token', 'list', '--data', dataDir], { LAKE_KEY_FILE: stick })).text).toContain('Site build')
  })

  it('refuses a short new passphrase, and a wrong current key, changing nothing', async () => {
    const env = { LAKE_PASSPHRASE: 'the right passphrase (fictional)' }
    const dataDir = await folderWithData(env)
    const keyring = readFileSync(join(dataDir, 'keyring.json'), 'utf8')
    const short = await lake(['rekey', '--data', dataDir], env, 'short')
    expect(short.last).toContain('at least 10 characters')
    const wrong = await lake(['rekey', '--data', dataDir], { LAKE_PASSPHRASE: 'a wrong passphrase' }, 'the new passphrase (fictional)')
    expect(wrong.code).toBe(1)
    expect(wrong.last).toContain('does not open the data')
    expect(wrong.asked).toEqual([])
    expect(readFileSync(join(dataDir, 'keyring.json'), 'utf8')).toBe(keyring)
  })

  it('on a folder with no data yet, says so and makes no key', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rekey-empty-'))
    const { code, last } = await lake(
      ['rekey', '--data', dataDir],
      { LAKE_PASSPHRASE: 'a passphrase (fictional)' },
      'another one (fictional)',
    )
    expect(code).toBe(1)
    expect(last).toContain('holds no lake data, so no key to change')
    expect(existsSync(join(dataDir, 'keyring.json'))).toBe(false)
  })
})
