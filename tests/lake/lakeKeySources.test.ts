// Where the lake's key comes from: LAKE_PASSPHRASE, the key file LAKE_KEY_FILE names, the
// `.lake-key` beside the data folder (made, and said so, when nothing is configured), or a
// passphrase typed at the prompt. Each opens the folder; a wrong or missing one is a clear error.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeKeyFile } from '../../lake/atRest/keyFile.ts'
import { runLakeCli } from '../../lake/cli.ts'
import { createKeyring } from '../../lake/index.ts'
import { testCost } from './testKey.ts'

const isolatedEnv = { PATH: process.env.PATH }

async function lake(argv: string[], env: Record<string, string | undefined>, ask: ((prompt: string) => Promise<string>) | null = null) {
  const lines: string[] = []
  const code = await runLakeCli(
    argv,
    (line) => lines.push(line),
    async () => '',
    { env: { ...isolatedEnv, ...env }, ask, keyringCost: testCost },
  )
  return { code, text: lines.join('\n'), last: lines.at(-1) ?? '' }
}

const tokenCount = async (dataDir: string, env: Record<string, string>) => (await lake(['token', 'list', '--data', dataDir], env)).text

describe('the key from the environment', () => {
  it('opens a folder with LAKE_PASSPHRASE, and refuses another passphrase', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'key-env-')), 'data')
    const env = { LAKE_PASSPHRASE: 'a long passphrase (fictional)' }
    expect((await lake(['token', 'create', '--role', 'publisher', '--name', 'Site', '--data', dataDir], env)).code).toBe(0)
    expect(await tokenCount(dataDir, env)).toContain('Site')
    const wrong = await lake(['token', 'list', '--data', dataDir], { LAKE_PASSPHRASE: 'another passphrase' })
    expect(wrong.code).toBe(1)
    expect(wrong.last).toContain('The key from LAKE_PASSPHRASE does not open the data')
  })

  it('opens a folder with the key file LAKE_KEY_FILE names, and says so when the file is missing', async () => {
    const work = mkdtempSync(join(tmpdir(), 'key-file-'))
    const stick = join(work, 'usb-stick', 'archive.key')
    makeKeyFile(stick)
    const dataDir = join(work, 'data')
    expect(
      (await lake(['token', 'create', '--role', 'publisher', '--name', 'Site', '--data', dataDir], { LAKE_KEY_FILE: stick })).code,
    ).toBe(0)
    expect(await tokenCount(dataDir, { LAKE_KEY_FILE: stick })).toContain('Site')
    expect(existsSync(join(work, '.lake-key'))).toBe(false)
    const missing = await lake(['token', 'list', '--data', dataDir], { LAKE_KEY_FILE: join(work, 'elsewhere.key') })
    expect(missing.code).toBe(1)
    expect(missing.last).toContain('is the USB stick with the key in?')
  })
})

describe('with no key configured', () => {
  it('makes a random .lake-key beside the data folder on first use, says where and what that means, and uses it after', async () => {
    const work = mkdtempSync(join(tmpdir(), 'key-default-'))
    const dataDir = join(work, '.lake-data')
    const first = await lake(['token', 'create', '--role', 'publisher', '--name', 'Site', '--data', dataDir], {})
    expect(first.code).toBe(0)
    const keyFile = join(work, '.lake-key')
    expect(first.text).toContain(`a new random key was made in ${keyFile}`)
    expect(first.text).toContain('The key sits beside the data until you move it')
    expect(first.text).toContain('without it nobody can ever read the data again')
    expect(statSync(keyFile).mode & 0o077).toBe(0)
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^# The key of the testimony archive/)
    const again = await lake(['token', 'list', '--data', dataDir], {})
    expect(again.text).toContain('Site')
    expect(again.text).not.toContain('new random key')
  })

  it('asks at the terminal for the passphrase of an encrypted folder, and refuses a wrong one', async () => {
    // In a folder of its own, so that no .lake-key beside it (another run's, in /tmp) is found first.
    const dataDir = join(mkdtempSync(join(tmpdir(), 'key-prompt-')), 'data')
    createKeyring(dataDir, 'typed at the prompt (fictional)', testCost)
    const asked: string[] = []
    const typed = (answer: string) => async (prompt: string) => {
      asked.push(prompt)
      return answer
    }
    expect((await lake(['token', 'list', '--data', dataDir], {}, typed('typed at the prompt (fictional)'))).code).toBe(0)
    expect(asked).toEqual([`Passphrase of the archive's data in ${dataDir}`])
    const wrong = await lake(['token', 'list', '--data', dataDir], {}, typed('mistyped'))
    expect(wrong.last).toContain('The key from the passphrase typed does not open the data')
  })

  it('without a terminal, says how to give the key of an encrypted folder', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'key-none-')), 'data')
    createKeyring(dataDir, 'nobody gives it (fictional)', testCost)
    const { code, last } = await lake(['token', 'list', '--data', dataDir], {})
    expect(code).toBe(1)
    expect(last).toContain('is encrypted and no key was given: set LAKE_PASSPHRASE, or LAKE_KEY_FILE')
  })
})
