// `npm run lake -- user …`, as an administrator runs it: accounts added, given a new passphrase,
// disabled and listed, the passphrase read from the prompt (here: given) or from stdin. The command
// line runs on the real clock, so the lakes opened here do too.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runLakeCli } from '../../lake/cli.ts'
import { codeOf, openSignInLake, postSignIn, sessionToken, v, asUser } from './signInHarness.ts'
import { testCli, testEnv } from './testKey.ts'

const data = mkdtempSync(join(tmpdir(), 'lake-users-'))

async function run(argv: string[], passphrase?: string) {
  const lines: string[] = []
  const asked: string[] = []
  const code = await runLakeCli(
    [...argv, '--data', data],
    (line) => lines.push(line),
    async (prompt) => {
      asked.push(prompt)
      return passphrase ?? ''
    },
    testCli,
  )
  return { code, lines, last: lines.at(-1) ?? '', asked }
}

/** Whether the passphrase signs the user in on the data folder now. */
async function signsIn(userId: string, passphrase: string): Promise<boolean> {
  const signIn = openSignInLake(data, Date.now())
  try {
    return codeOf(await postSignIn(signIn.lake, userId, passphrase)) !== null
  } finally {
    signIn.lake.close()
  }
}

describe('npm run lake -- user', () => {
  it('adds an account with the passphrase it asks for, and she signs in with it', async () => {
    const added = await run(
      ['user', 'add', '--user', 'therapist-sovann', '--name', 'Sovann (fictional)', '--role', 'therapist'],
      'rice fields at dawn',
    )
    expect(added.code).toBe(0)
    expect(added.asked).toEqual(['Passphrase (at least 10 characters) for therapist-sovann'])
    expect(added.last).toContain('Added therapist-sovann (therapist): Sovann (fictional)')
    expect(added.lines.join('\n')).not.toContain('rice fields')
    expect(readFileSync(join(data, 'accounts.sqlite')).includes(Buffer.from('rice fields at dawn'))).toBe(false)
    expect(await signsIn('therapist-sovann', 'rice fields at dawn')).toBe(true)
  })

  it('refuses a short passphrase, saying the minimum, and adds nothing', async () => {
    const short = await run(['user', 'add', '--user', 'therapist-dara', '--name', 'Dara', '--role', 'therapist'], 'dara2026')
    expect(short.code).toBe(1)
    expect(short.last).toContain('at least 10 characters')
    expect((await run(['user', 'list'])).lines.join('\n')).not.toContain('therapist-dara')
  })

  it('refuses an account it could not add before asking for a passphrase', async () => {
    for (const argv of [
      ['--user', 'site-build', '--name', 'Site', '--role', 'publisher'],
      ['--user', 'Therapist Sovann', '--name', 'Sovann', '--role', 'therapist'],
      ['--user', 'therapist-sovann', '--name', 'Sovann again', '--role', 'therapist'],
      ['--name', 'Nobody', '--role', 'therapist'],
    ]) {
      const refused = await run(['user', 'add', ...argv], 'long enough passphrase')
      expect(refused.code, argv.join(' ')).toBe(1)
      expect(refused.asked, argv.join(' ')).toEqual([])
    }
    expect((await run(['user', 'add', '--user', 'site-build', '--name', 'Site', '--role', 'publisher'])).last).toContain(
      'not a staff role; choose one of administrator, supervisor, therapist',
    )
  })

  it('gives her a new passphrase, which ends her sessions and lifts a lock', async () => {
    const signIn = openSignInLake(data, Date.now())
    const token = await sessionToken(signIn.lake, 'therapist-sovann', 'rice fields at dawn')
    for (let i = 0; i < 5; i++) await postSignIn(signIn.lake, 'therapist-sovann', 'wrong passphrase')
    signIn.lake.close()
    expect((await run(['user', 'list'])).lines.join('\n')).toMatch(/therapist-sovann .*locked until/)
    const changed = await run(['user', 'passwd', 'therapist-sovann'], 'monsoon over the river')
    expect(changed.code).toBe(0)
    expect(changed.last).toContain('1 open session(s) ended')
    expect(await signsIn('therapist-sovann', 'rice fields at dawn')).toBe(false)
    expect(await signsIn('therapist-sovann', 'monsoon over the river')).toBe(true)
    const after = openSignInLake(data, Date.now())
    expect((await asUser(after.lake, token, `${v}/users/me`)).status).toBe(401)
    after.lake.close()
    expect((await run(['user', 'passwd', 'therapist-nobody'], 'monsoon over the river')).last).toContain('No account "therapist-nobody"')
  })

  it('disables an account, which then can not sign in, and lists every account with its state', async () => {
    await run(['user', 'add', '--user', 'supervisor-demo', '--name', 'Supervisor (fictional)', '--role', 'supervisor'], 'pagoda bells ring')
    const disabled = await run(['user', 'disable', 'supervisor-demo'])
    expect(disabled.code).toBe(0)
    expect(disabled.last).toContain('Disabled supervisor-demo')
    expect(await signsIn('supervisor-demo', 'pagoda bells ring')).toBe(false)
    const listed = (await run(['user', 'list'])).lines
    expect(listed).toHaveLength(2)
    expect(listed[0]).toMatch(/^supervisor-demo\s+supervisor\s+Supervisor \(fictional\)\s+\(disabled /)
    expect(listed[1]).toMatch(/^therapist-sovann\s+therapist\s+Sovann \(fictional\)\s+\(active, \d+ session\(s\)\)$/)
    expect((await run(['user', 'fly'])).last).toContain('user add --user ID --name NAME --role ROLE')
  })

  it('reads the passphrase from the first line of stdin when a script pipes it', async () => {
    const script = join(import.meta.dirname, '..', '..', 'scripts', 'lake.ts')
    const argv = [
      script,
      'user',
      'add',
      '--user',
      'administrator-demo',
      '--name',
      'Admin (fictional)',
      '--role',
      'administrator',
      '--data',
      data,
    ]
    const output = await new Promise<string>((resolve, reject) => {
      const child = execFile(process.execPath, argv, { timeout: 20_000, env: testEnv }, (error, stdout) =>
        error ? reject(new Error(`npm run lake -- user failed: ${error.message}`, { cause: error })) : resolve(stdout),
      )
      child.stdin?.end('a passphrase from a pipe\nnot read\n')
    })
    expect(output).toContain('Added administrator-demo (administrator)')
    expect(await signsIn('administrator-demo', 'a passphrase from a pipe')).toBe(true)
  }, 30_000)
})
