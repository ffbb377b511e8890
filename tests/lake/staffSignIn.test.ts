// Staff sign-in on the lake, in process, as the Studio's login round trip makes it: the archive's
// form, the one-time code, the session token; wrong passphrases, lockout, idle expiry, restart,
// sign-out and disabled accounts.
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { asUser, codeOf, openSignInLake, postSignIn, sessionToken, studioOrigin, trade, v, type SignInLake } from './signInHarness.ts'

const passphrase = 'rice fields at dawn'
const opened: SignInLake[] = []

async function lakeWithSovann(dataDir?: string) {
  const signIn = openSignInLake(dataDir)
  opened.push(signIn)
  await signIn.lake.services.staff.add({
    userId: 'therapist-sovann',
    name: 'Sovann (fictional)',
    role: 'therapist',
    passphrase,
    now: signIn.now(),
  })
  return signIn
}

afterEach(() => {
  for (const signIn of opened.splice(0)) signIn.lake.close()
})

const minutes = (n: number) => n * 60 * 1000
const hours = (n: number) => minutes(n * 60)

describe('signing in', () => {
  it('answers the Studio’s /auth/providers without a token, pointing at the archive’s own sign-in page', async () => {
    const { lake } = await lakeWithSovann()
    const response = await lake.app.request('http://local.localhost:4444/v2026-05-04/auth/providers')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      providers: [{ name: 'archive', title: expect.stringContaining('Sign in'), url: 'http://local.localhost:4444/v1/auth/login/archive' }],
    })
    const page = await lake.app.request(
      `/v1/auth/login/archive?origin=${encodeURIComponent(`${studioOrigin}/`)}&projectId=local&withSid=true`,
    )
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('name="passphrase"')
    expect(html).toContain('ពាក្យសម្ងាត់')
    // Nothing to load from anywhere, no script, and a policy that allows neither.
    expect(html).not.toMatch(/<script|\bsrc=|<link|@import|url\(/i)
    expect(page.headers.get('Content-Security-Policy')).toMatch(
      /default-src 'none'.*form-action 'self' http:\/\/localhost:3333;.*frame-ancestors 'none'/,
    )
  })

  it('signs her in: a one-time code comes back to the Studio, trades for a session token, and /users/me is her', async () => {
    const { lake, logged } = await lakeWithSovann()
    const answer = await postSignIn(lake, '  Therapist-Sovann ', passphrase)
    expect(answer.status).toBe(303)
    expect(answer.headers.get('Location')).toMatch(/^http:\/\/localhost:3333\/#sid=[A-Za-z0-9_-]{20,}$/)
    const { token } = await trade(lake, codeOf(answer) ?? '')
    expect(token).toMatch(/^lake_session_/)
    const me = await asUser(lake, token ?? '', `${v}/users/me`)
    expect(me).toMatchObject({ status: 200, body: { id: 'therapist-sovann', name: 'Sovann (fictional)', role: 'therapist' } })
    expect(logged.join('\n')).not.toContain(passphrase)
  })

  it('refuses a wrong passphrase and an unknown name in the same words, and never shows or logs what was typed', async () => {
    const { lake, logged } = await lakeWithSovann()
    const wrong = await postSignIn(lake, 'therapist-sovann', 'rice fields at dusk')
    const unknown = await postSignIn(lake, 'therapist-nobody', 'rice fields at dusk')
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    const [wrongPage, unknownPage] = [await wrong.text(), await unknown.text()]
    expect(wrongPage).toContain('The user name or the passphrase is not right')
    // The pages differ only in the name typed, which is shown again.
    expect(wrongPage.replace('therapist-sovann', 'NAME')).toBe(unknownPage.replace('therapist-nobody', 'NAME'))
    expect(wrongPage + unknownPage).not.toContain('rice fields at dusk')
    expect(codeOf(wrong)).toBeNull()
    const log = logged.join('\n')
    expect(log).not.toContain('rice fields')
    expect(log).not.toContain('therapist-nobody')
    expect(log).toContain('sign-in of therapist-sovann refused (wrong passphrase, 1 in a row)')
  })

  it('makes each answer after a wrong passphrase wait longer than the last', async () => {
    const { lake, waits } = await lakeWithSovann()
    for (let i = 0; i < 4; i++) await postSignIn(lake, 'therapist-sovann', 'not her passphrase')
    expect(waits).toEqual([1000, 2000, 4000])
    await postSignIn(lake, 'therapist-sovann', passphrase)
    expect(waits).toEqual([1000, 2000, 4000, 8000])
    // A success starts her count again.
    await postSignIn(lake, 'therapist-sovann', passphrase)
    expect(waits).toHaveLength(4)
  })

  it('locks her name after 5 wrong passphrases, even for the right one, until 15 minutes have passed', async () => {
    const signIn = await lakeWithSovann()
    const { lake } = signIn
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await postSignIn(lake, 'therapist-sovann', 'not her passphrase')).status)
    expect(statuses).toEqual([401, 401, 401, 401, 429])
    const locked = await postSignIn(lake, 'therapist-sovann', passphrase)
    expect(locked.status).toBe(429)
    expect(codeOf(locked)).toBeNull()
    const page = await locked.text()
    expect(page).toContain('This account is locked for a while')
    expect(page).toContain('ask an administrator')
    signIn.advance(minutes(14))
    expect((await postSignIn(lake, 'therapist-sovann', passphrase)).status).toBe(429)
    signIn.advance(minutes(1) + 1)
    expect(codeOf(await postSignIn(lake, 'therapist-sovann', passphrase))).not.toBeNull()
  })

  it('locks a name without an account the same way, so a lock does not tell which names exist', async () => {
    const { lake } = await lakeWithSovann()
    for (let i = 0; i < 5; i++) await postSignIn(lake, 'therapist-nobody', 'not a passphrase')
    const answer = await postSignIn(lake, 'therapist-nobody', 'not a passphrase')
    expect(answer.status).toBe(429)
    expect(await answer.text()).toContain('This account is locked for a while')
  })

  it('lets an administrator unlock her with a new passphrase, which also ends her open sessions', async () => {
    const signIn = await lakeWithSovann()
    const { lake } = signIn
    const before = await sessionToken(lake, 'therapist-sovann', passphrase)
    for (let i = 0; i < 5; i++) await postSignIn(lake, 'therapist-sovann', 'not her passphrase')
    expect(await lake.services.staff.changePassphrase('therapist-sovann', 'monsoon over the river', signIn.now())).toBe(1)
    expect((await asUser(lake, before, `${v}/users/me`)).status).toBe(401)
    expect(codeOf(await postSignIn(lake, 'therapist-sovann', passphrase))).toBeNull()
    await sessionToken(lake, 'therapist-sovann', 'monsoon over the river')
  })

  it('sends a code only to an origin the lake allows, and shows no form for another', async () => {
    const { lake } = await lakeWithSovann()
    for (const origin of ['http://evil.example/', 'http://localhost:3334/', 'javascript:alert(1)', '//localhost:3333/', '']) {
      const answer = await postSignIn(lake, 'therapist-sovann', passphrase, origin)
      expect(answer.status, origin).toBe(400)
      expect(answer.headers.get('Location'), origin).toBeNull()
      const page = await lake.app.request(`/v1/auth/login/archive?origin=${encodeURIComponent(origin)}`)
      expect(page.status).toBe(400)
      expect(await page.text()).not.toContain('<form')
    }
    // The Studio's own address, whatever its path, is fine; a fragment it carried is replaced.
    const deep = await postSignIn(lake, 'therapist-sovann', passphrase, `${studioOrigin}/structure/testimony#token=x`)
    expect(deep.headers.get('Location')).toMatch(/^http:\/\/localhost:3333\/structure\/testimony#sid=[^&#]+$/)
  })

  it('refuses a sign-in form posted from another page', async () => {
    const { lake } = await lakeWithSovann()
    const answer = await postSignIn(lake, 'therapist-sovann', passphrase, `${studioOrigin}/`, { Origin: 'http://evil.example' })
    expect(answer.status).toBe(403)
    expect(codeOf(answer)).toBeNull()
    const same = await postSignIn(lake, 'therapist-sovann', passphrase, `${studioOrigin}/`, { Origin: 'http://localhost' })
    expect(codeOf(same)).not.toBeNull()
  })

  it('lets a code work once, and not after a minute', async () => {
    const signIn = await lakeWithSovann()
    const { lake } = signIn
    const code = codeOf(await postSignIn(lake, 'therapist-sovann', passphrase)) ?? ''
    expect((await trade(lake, code)).status).toBe(200)
    expect(await trade(lake, code)).toEqual({ status: 401, token: null })
    const late = codeOf(await postSignIn(lake, 'therapist-sovann', passphrase)) ?? ''
    signIn.advance(minutes(1) + 1)
    expect(await trade(lake, late)).toEqual({ status: 401, token: null })
    // An invalid code is not an ended session: the Studio shows its sign-in, not "session expired".
    const refused = await lake.app.request(`/v1/auth/fetch?sid=${late}`)
    expect(await refused.json()).not.toHaveProperty('errorCode')
  })
})

describe('the sign-in form under hostile input', () => {
  it('never fails, never sends a code for a wrong passphrase or a foreign origin, and never shows a passphrase', async () => {
    const { lake, logged } = await lakeWithSovann()
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', ' ', 'therapist-sovann', '<script>x</script>', '"><b>', '\u0000', 'x'.repeat(5000), 'ស្រីពេជ្រ'),
    )
    const origin = fc.oneof(text, fc.constantFrom(`${studioOrigin}/`, `${studioOrigin}/x?y#z`, 'http://evil.example/', 'data:,x'))
    await fc.assert(
      fc.asyncProperty(text, fc.string({ minLength: 12, maxLength: 60 }), origin, async (user, secret, returnTo) => {
        const answer = await postSignIn(lake, user, `${secret}!passphrase`, returnTo)
        expect([400, 401, 403, 429]).toContain(answer.status)
        expect(codeOf(answer)).toBeNull()
        const page = await answer.text()
        expect(page).not.toContain(`${secret}!passphrase`)
        expect(page).not.toMatch(/<script|<b>/)
      }),
      { numRuns: 40 },
    )
    for (const body of ['not a form', '{"user":"therapist-sovann"}', '--x\r\nbroken multipart']) {
      const answer = await lake.app.request('/v1/auth/login/archive', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      })
      expect(answer.status).toBe(400)
    }
    expect(logged.join('\n')).not.toContain('!passphrase')
  }, 60_000)
})

describe('sessions', () => {
  it('slide with use and end after 9 hours idle; the Studio’s /users/me then answers 401 with Sanity’s “expired” code', async () => {
    const signIn = await lakeWithSovann()
    const { lake } = signIn
    const token = await sessionToken(lake, 'therapist-sovann', passphrase)
    signIn.advance(hours(8))
    expect((await asUser(lake, token, `${v}/data/query/production?query=count(*)`)).status).toBe(200)
    signIn.advance(hours(8))
    expect((await asUser(lake, token, `${v}/users/me`)).status).toBe(200)
    signIn.advance(hours(9) + 1)
    const me = await asUser(lake, token, `${v}/users/me`)
    expect(me).toMatchObject({ status: 401, body: { errorCode: 'SIO-401-AEX', statusCode: 401 } })
    expect((await asUser(lake, token, `${v}/users/me`)).status).toBe(401)
  })

  it('survive closing and reopening the lake on the same folder', async () => {
    const first = await lakeWithSovann()
    const token = await sessionToken(first.lake, 'therapist-sovann', passphrase)
    first.lake.close()
    opened.splice(opened.indexOf(first), 1)
    const again = openSignInLake(first.dataDir)
    opened.push(again)
    expect(await asUser(again.lake, token, `${v}/users/me`)).toMatchObject({ status: 200, body: { id: 'therapist-sovann' } })
  })

  it('end at sign-out; a signed-out token is “not found” to the Studio', async () => {
    const { lake, logged } = await lakeWithSovann()
    const token = await sessionToken(lake, 'therapist-sovann', passphrase)
    const other = await sessionToken(lake, 'therapist-sovann', passphrase)
    expect((await asUser(lake, token, `${v}/auth/logout`, 'POST')).status).toBe(200)
    expect(await asUser(lake, token, `${v}/users/me`)).toMatchObject({ status: 401, body: { errorCode: 'SIO-401-ANF' } })
    // Her other browser stays signed in, and a second sign-out of the same token is harmless.
    expect((await asUser(lake, other, `${v}/users/me`)).status).toBe(200)
    expect((await asUser(lake, token, `${v}/auth/logout`, 'POST')).status).toBe(200)
    expect(logged).toContain('lake: therapist-sovann signed out')
  })

  it('end when her account is disabled, with her open listener, and she can no longer sign in', async () => {
    const signIn = await lakeWithSovann()
    const { lake } = signIn
    const token = await sessionToken(lake, 'therapist-sovann', passphrase)
    const listener = await lake.app.request(`${v}/data/listen/production?query=*`, { headers: { Authorization: `Bearer ${token}` } })
    const reader = listener.body?.getReader()
    expect(new TextDecoder().decode((await reader?.read())?.value)).toContain('welcome')
    expect(lake.services.staff.disable('therapist-sovann', signIn.now())).toBe(1)
    lake.services.datasets.get('production').mutate([{ create: { _id: 'theme-after', _type: 'theme' } }], { author: 'test' })
    let streamed = ''
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read())
      streamed += new TextDecoder().decode(chunk.value)
    expect(streamed).not.toContain('theme-after')
    expect((await asUser(lake, token, `${v}/users/me`)).status).toBe(401)
    const answer = await postSignIn(lake, 'therapist-sovann', passphrase)
    expect(answer.status).toBe(401)
    expect(await answer.text()).toContain('The user name or the passphrase is not right')
  })

  it('are the only thing sign-out ends: a script’s API token keeps working', async () => {
    const { lake } = await lakeWithSovann()
    const { token } = lake.services.tokens.create({ name: 'Script', role: 'administrator', now: new Date() })
    expect((await asUser(lake, token, `${v}/auth/logout`, 'POST')).status).toBe(200)
    expect((await asUser(lake, token, `${v}/users/me`)).status).toBe(200)
  })
})

describe('people', () => {
  it('lists the active accounts as project members and names people by id, for staff only', async () => {
    const signIn = await lakeWithSovann()
    const { lake } = signIn
    const staff = lake.services.staff
    await staff.add({ userId: 'supervisor-demo', name: 'Supervisor (fictional)', role: 'supervisor', passphrase, now: signIn.now() })
    await staff.add({ userId: 'therapist-left', name: 'Left (fictional)', role: 'therapist', passphrase, now: signIn.now() })
    staff.disable('therapist-left', signIn.now())
    const token = await sessionToken(lake, 'supervisor-demo', passphrase)
    const project = await asUser(lake, token, `${v}/projects/local`)
    expect(project.body).toMatchObject({
      id: 'local',
      members: [
        {
          id: 'supervisor-demo',
          role: 'supervisor',
          roles: [{ name: 'supervisor', title: 'Clinical supervisor' }],
          isRobot: false,
          isCurrentUser: true,
        },
        { id: 'therapist-sovann', role: 'therapist', roles: [{ name: 'therapist' }], isRobot: false, isCurrentUser: false },
      ],
    })
    // The person who left is still named on her old records.
    const users = await asUser(lake, token, `${v}/users/therapist-sovann,therapist-left,nobody`)
    expect(users.body).toEqual([
      expect.objectContaining({ id: 'therapist-sovann', displayName: 'Sovann (fictional)', imageUrl: null, isCurrentUser: false }),
      expect.objectContaining({ id: 'therapist-left', displayName: 'Left (fictional)' }),
    ])
    expect((await asUser(lake, token, `${v}/users/therapist-sovann`)).body).toMatchObject({ id: 'therapist-sovann', projectId: 'local' })
    const publisher = lake.services.tokens.create({ name: 'Site', role: 'publisher', now: new Date() }).token
    expect((await asUser(lake, publisher, `${v}/users/therapist-sovann`)).status).toBe(403)
    expect((await asUser(lake, publisher, `${v}/projects/local`)).body).toMatchObject({ members: [] })
    expect((await lake.app.request(`${v}/users/therapist-sovann`)).status).toBe(401)
  })
})

describe('the accounts file', () => {
  it('keeps only a salted scrypt hash of a passphrase, with its cost, and refuses short ones', async () => {
    const signIn = await lakeWithSovann()
    const hash = signIn.lake.services.staff.accounts.passphraseHash('therapist-sovann') ?? ''
    expect(hash).toMatch(/^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9+/=]{20,}\$[A-Za-z0-9+/=]{40,}$/)
    expect(hash).not.toContain(passphrase)
    await expect(
      signIn.lake.services.staff.add({
        userId: 'therapist-short',
        name: 'Short',
        role: 'therapist',
        passphrase: 'monsoon',
        now: signIn.now(),
      }),
    ).rejects.toThrow('at least 10 characters')
    await expect(
      signIn.lake.services.staff.add({ userId: 'site-build', name: 'Site', role: 'publisher', passphrase, now: signIn.now() }),
    ).rejects.toThrow('not a staff role')
  })
})
