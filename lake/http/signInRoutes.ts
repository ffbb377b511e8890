// Sanity's login round trip, answered by the lake so that the Studio's own login screen works
// offline: the providers list, the archive's sign-in page and its form, the trade of a one-time
// code for a session token, and sign-out. None of these needs a token.
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { signInStaff } from '../accounts/staffSignIn.ts'
import { LakeError, unauthorized } from '../errors.ts'
import type { LakeEnv, LakeServices } from './lakeEnv.ts'
import { bearerToken } from './signIn.ts'
import { signInPage, signInPagePolicy, type SignInPageInput } from './signInPage.ts'

export const signInProvider = { name: 'archive', title: 'ចូលប្រើប័ណ្ណសារ · Sign in to the archive' }
const loginPath = `/v1/auth/login/${signInProvider.name}`
const maxFormBytes = 16 * 1024

const signInForm = z.object({
  user: z.string().max(200),
  passphrase: z.string().max(4096),
  origin: z.string().max(2000),
})

/** The Studio address a sign-in may return to: one on an origin the lake serves (no open redirect). */
export function returnAddress(requested: string | undefined, allowedOrigins: ReadonlyArray<string>): string | null {
  if (!requested) return null
  let url: URL
  try {
    url = new URL(requested)
  } catch {
    return null
  }
  if (!allowedOrigins.includes(url.origin)) return null
  url.hash = ''
  return url.toString()
}

function page(c: Context, input: SignInPageInput, status: 200 | 400 | 401 | 403 | 429) {
  c.header('Content-Security-Policy', signInPagePolicy(input.returnTo))
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('X-Frame-Options', 'DENY')
  // The form's own origin is sent with its POST (the lake checks it); other pages learn nothing.
  c.header('Referrer-Policy', 'same-origin')
  c.header('Cache-Control', 'no-store')
  return c.html(signInPage(input), status)
}

export function signInRoutes(services: LakeServices) {
  const app = new Hono<LakeEnv>()

  app.get('/:version/auth/providers', (c) => c.json({ providers: [{ ...signInProvider, url: new URL(loginPath, c.req.url).toString() }] }))

  app.get(`/:version/auth/login/${signInProvider.name}`, (c) => {
    const returnTo = returnAddress(c.req.query('origin'), services.corsOrigins)
    return returnTo ? page(c, { returnTo }, 200) : page(c, { returnTo, notice: 'no-return' }, 400)
  })

  app.post(
    `/:version/auth/login/${signInProvider.name}`,
    bodyLimit({
      maxSize: maxFormBytes,
      onError: () => {
        throw new LakeError(413, 'requestEntityTooLargeError', `A sign-in form is at most ${maxFormBytes} bytes`)
      },
    }),
    async (c) => {
      // A body that is not a form (or a broken multipart one) reads as an empty form.
      const form = signInForm.safeParse(await c.req.parseBody().catch(() => ({})))
      const returnTo = returnAddress(form.data?.origin, services.corsOrigins)
      if (!returnTo) return page(c, { returnTo: null, notice: 'no-return' }, 400)
      // A form posted from another page (login CSRF) is refused: browsers send the page's origin.
      const sentFrom = c.req.header('Origin')
      if (sentFrom !== undefined && sentFrom !== new URL(c.req.url).origin) return page(c, { returnTo, notice: 'foreign-form' }, 403)
      if (!form.data || form.data.user.trim() === '' || form.data.passphrase === '')
        return page(c, { returnTo, userName: form.data?.user ?? '', notice: 'incomplete' }, 400)
      const outcome = await signInStaff(services, form.data.user, form.data.passphrase)
      if (outcome.kind === 'locked') {
        const seconds = Math.max(1, Math.ceil((outcome.untilMs - services.clock.now().getTime()) / 1000))
        c.header('Retry-After', String(seconds))
        return page(c, { returnTo, userName: form.data.user, notice: 'locked', lockedMinutes: Math.ceil(seconds / 60) }, 429)
      }
      if (outcome.kind === 'refused') return page(c, { returnTo, userName: form.data.user, notice: 'wrong' }, 401)
      const back = new URL(returnTo)
      back.hash = `sid=${services.signInCodes.issue(outcome.account.id, back.origin, services.clock.now().getTime())}`
      c.header('Cache-Control', 'no-store')
      c.header('Referrer-Policy', 'no-referrer')
      return c.redirect(back.toString(), 303)
    },
  )

  // The Studio trades the code from the address's fragment for a session token, which it keeps.
  app.get('/:version/auth/fetch', (c) => {
    const now = services.clock.now()
    const code = services.signInCodes.redeem(c.req.query('sid') ?? '', now.getTime())
    const account = code ? services.staff.accounts.get(code.userId) : null
    const from = c.req.header('Origin')
    if (!code || !account || account.disabledAt || (from !== undefined && from !== code.origin))
      throw unauthorized('This sign-in code is unknown, was used already, or is older than a minute; sign in again.')
    const session = services.staff.sessions.open(account.id, now)
    services.log(`lake: session ${session.sessionId} opened for ${account.id}`)
    return c.json({ token: session.token })
  })

  // Sign-out ends the session of the token sent; API tokens stay (`token revoke` ends those).
  app.post('/:version/auth/logout', (c) => {
    const token = bearerToken(c)
    const userId = token ? services.staff.sessions.end(token, services.clock.now()) : null
    if (userId) services.log(`lake: ${userId} signed out`)
    return c.json({ ok: true })
  })

  return app
}
