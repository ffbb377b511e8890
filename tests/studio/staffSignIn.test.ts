// Signing in to the real Studio, in Chromium, with a staff account: no token leads to the archive's
// sign-in (never a crash page), a passphrase lands her in the Studio as herself, the open Studio
// keeps working when the lake restarts, sign-out and a new passphrase set by an administrator both
// end her session and bring back the sign-in.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLake, serveLake, type Lake } from '../../lake/index.ts'
import { lakeClient } from '../../wire/index.ts'
import { serveStudio } from '../../studio/serveStudio.ts'
import { launchChromium } from '../browserHarness.ts'
import { keyFor } from '../lake/testKey.ts'

const passphrase = 'rice fields at dawn'
const dataDir = mkdtempSync(join(tmpdir(), 'studio-signin-'))
let lake: Lake
let lakeServer: { close(): Promise<void> }
let studio: { close(): Promise<void> }
let browser: Browser

async function startLakeOnFolder() {
  lake = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
  lake.services.datasets.ensure('production')
  lakeServer = await serveLake(lake, 4444)
}

beforeAll(async () => {
  await startLakeOnFolder()
  await lake.services.staff.add({ userId: 'therapist-sovann', name: 'Sovann (fictional)', role: 'therapist', passphrase, now: new Date() })
  await lake.services.staff.add({
    userId: 'supervisor-demo',
    name: 'Supervisor (fictional)',
    role: 'supervisor',
    passphrase,
    now: new Date(),
  })
  studio = await serveStudio(3333)
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await studio?.close()
  await lakeServer?.close()
  lake?.close()
})

const crashed = (page: Page) => page.getByText('unable to recover', { exact: false }).count()

/** A page whose Studio speaks English (the language a person picks in the user menu). */
async function englishPage(): Promise<Page> {
  const page = await browser.newPage()
  await page.addInitScript(() => {
    if (window.location.port === '3333') window.localStorage.setItem('sanity-locale:local:archive', 'en-US')
  })
  return page
}

/** Fills the archive's sign-in form; the page must be showing it. */
async function fillSignIn(page: Page, user: string, secret: string) {
  await page.locator('input[name="user"]').fill(user)
  await page.locator('input[name="passphrase"]').fill(secret)
  await page.getByRole('button', { name: /Sign in/ }).click()
}

/** Signs in from a fresh visit and waits until the Studio is hers; her session token. */
async function signInFresh(page: Page, user: string): Promise<string> {
  await page.goto('http://localhost:3333/')
  await page.locator('input[name="user"]').waitFor({ timeout: 60_000 })
  await fillSignIn(page, user, passphrase)
  // The Studio loads anew after the sign-in; on a loaded machine that takes a while.
  await page.locator('#user-menu').waitFor({ timeout: 60_000 })
  return await storedToken(page)
}

async function storedToken(page: Page): Promise<string> {
  const stored = await page.evaluate(() => window.localStorage.getItem('__studio_auth_token_local'))
  const token: unknown = stored ? Reflect.get(JSON.parse(stored), 'token') : null
  return typeof token === 'string' ? token : ''
}

/**
 * Signs out from the user menu, as a person would: opens the menu and clicks "Sign out" again if
 * the Studio redrew it meanwhile (it still settles for a while after a sign-in).
 */
async function signOut(page: Page) {
  const signInButton = page.getByRole('link', { name: 'Sign in to the archive' })
  await expect
    .poll(
      async () => {
        if (await signInButton.isVisible()) return true
        const item = page.getByRole('menuitem', { name: 'Sign out' })
        const next = (await item.isVisible()) ? item : page.locator('#user-menu')
        await next.click({ timeout: 2_000 }).catch(() => {})
        return signInButton.isVisible()
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toBe(true)
}

const whoIs = (token: string) => lakeClient({ port: 4444, token }).request<{ id: string }>({ url: '/users/me' })

describe('signing in to the Studio on the lake', () => {
  let page: Page
  let token = ''

  it('sends a visit without a token to the archive’s sign-in page, not a crash page', async () => {
    page = await englishPage()
    await page.goto('http://localhost:3333/')
    await page.locator('input[name="passphrase"]').waitFor({ timeout: 30_000 })
    expect(new URL(page.url()).pathname).toBe('/v1/auth/login/archive')
    expect(new URL(page.url()).searchParams.get('origin')).toBe('http://localhost:3333/')
    await page.getByText('Sign in to the archive').waitFor()
    await page.getByText('ចូលប្រើប័ណ្ណសារ').first().waitFor()
    expect(await crashed(page)).toBe(0)
  }, 90_000)

  it('says a wrong passphrase is wrong, then signs her in with the right one, as herself', async () => {
    await fillSignIn(page, 'therapist-sovann', 'rice fields at dusk')
    await page.getByText('The user name or the passphrase is not right').waitFor({ timeout: 30_000 })
    await fillSignIn(page, 'therapist-sovann', passphrase)
    await page.locator('#user-menu').waitFor({ timeout: 60_000 })
    expect(new URL(page.url()).origin).toBe('http://localhost:3333')
    expect(page.url()).not.toContain('sid=')
    token = await storedToken(page)
    expect((await whoIs(token)).id).toBe('therapist-sovann')
    await page.locator('#user-menu').click()
    await page.getByText('Sovann (fictional)').waitFor({ timeout: 10_000 })
    await page.keyboard.press('Escape')
  }, 120_000)

  it('keeps working when the lake restarts: her session survives, and what she types is saved', async () => {
    // A follow-up call of her own (a therapist writes her case records, not the public content).
    await page.goto('http://localhost:3333/intent/create/type=followUp;id=followup-restart/')
    const outcome = page.locator('textarea[id="outcome"]')
    await outcome.waitFor({ timeout: 30_000 })
    await lakeServer.close()
    lake.close()
    await startLakeOnFolder()
    await outcome.fill('She was well; a fictional note.')
    const client = lakeClient({ port: 4444, token })
    await expect
      // The Studio resends after its own back-off; on a loaded machine (load 9) that took over 30 s.
      .poll(async () => (await client.getDocument('followup-restart'))?.outcome, { timeout: 90_000 })
      .toBe('She was well; a fictional note.')
    expect(await crashed(page)).toBe(0)
  }, 150_000)

  it('signs her out: the session ends on the lake and the Studio shows the archive’s sign-in in her language', async () => {
    await signOut(page)
    const button = page.getByRole('link', { name: 'Sign in to the archive' })
    await expect(whoIs(token)).rejects.toMatchObject({ statusCode: 401 })
    expect(await storedToken(page)).toBe('')
    await button.click()
    await page.locator('input[name="passphrase"]').waitFor({ timeout: 30_000 })
    await page.close()
  }, 90_000)

  it('ends the session at a sign-out right after signing in, before any reload', async () => {
    const other = await englishPage()
    const supervisorToken = await signInFresh(other, 'supervisor-demo')
    expect((await whoIs(supervisorToken)).id).toBe('supervisor-demo')
    await signOut(other)
    await expect(whoIs(supervisorToken)).rejects.toMatchObject({ statusCode: 401 })
    await other.close()
  }, 150_000)

  it('signs the open Studio out when an administrator sets her a new passphrase, and offers the sign-in again', async () => {
    const other = await englishPage()
    const supervisorToken = await signInFresh(other, 'supervisor-demo')
    await other.getByText('Public content').first().waitFor({ timeout: 30_000 })
    expect(await lake.services.staff.changePassphrase('supervisor-demo', 'a brand new passphrase', new Date())).toBeGreaterThan(0)
    await expect(whoIs(supervisorToken)).rejects.toMatchObject({ statusCode: 401 })
    // Her next request in the open Studio (opening a list, if the Studio has not asked anything
    // of its own accord meanwhile) is refused as a session that ended.
    const notice = other.getByText('Your session is no longer valid')
    await expect
      .poll(
        async () => {
          if (!(await notice.isVisible()))
            await other
              .getByText('Public content')
              .first()
              .click({ timeout: 2_000 })
              .catch(() => {})
          return notice.isVisible()
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(true)
    await other.getByRole('link', { name: 'Sign in to the archive' }).waitFor()
    expect(await crashed(other)).toBe(0)
    await other.close()
  }, 150_000)
})
