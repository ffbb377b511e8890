// A case from an empty archive to the public site, with the Studio alone (no API write): a therapist
// signs in with her passphrase, creates a survivor and a testimony, submits it; a supervisor signs
// in and passes it; the therapist prints the read-back sheet, records the survivor's approval from
// its code, and publishes; the story appears on the live site. Another therapist is told it is not hers.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultProgrammeTimeZone, programmeDay } from '../../core/index.ts'
import { openLake, serveLake, type Lake } from '../../lake/index.ts'
import { lakeClient } from '../../wire/index.ts'
import { startLiveSite, type LiveSite } from '../../site/live/index.ts'
import { serveStudio } from '../../studio/serveStudio.ts'
import { launchChromium } from '../browserHarness.ts'
import { sealedFolder } from '../lake/testKey.ts'

const passphrase = 'a fictional passphrase'
const studioUrl = 'http://localhost:3333'
let lake: Lake
let lakeServer: { close(): Promise<void> }
let studio: { close(): Promise<void> }
let site: LiveSite
let browser: Browser

beforeAll(async () => {
  lake = openLake({ ...sealedFolder('empty-archive-'), log: () => {} })
  lake.services.datasets.ensure('production')
  const now = new Date()
  await lake.services.staff.add({ userId: 'therapist-sovann', name: 'Sovann (fictional)', role: 'therapist', passphrase, now })
  await lake.services.staff.add({ userId: 'supervisor-dara', name: 'Dara (fictional)', role: 'supervisor', passphrase, now })
  await lake.services.staff.add({ userId: 'therapist-sophea', name: 'Sophea (fictional)', role: 'therapist', passphrase, now })
  lakeServer = await serveLake(lake, 4444)
  studio = await serveStudio(3333)
  const siteToken = lake.services.tokens.create({ name: 'Site (test)', role: 'publisher', userId: 'live-site', now }).token
  site = await startLiveSite({
    client: lakeClient({ port: 4444, token: siteToken, perspective: 'published' }),
    folder: mkdtempSync(join(tmpdir(), 'empty-archive-site-')),
    port: 0,
    today: () => programmeDay(new Date(), defaultProgrammeTimeZone),
    log: () => {},
    rebuildDelayMs: 200,
  })
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await site?.stop()
  await studio?.close()
  await lakeServer?.close()
  lake?.close()
})

/** A person at her own computer: signs in through the archive's sign-in page, the Studio in English. */
async function signIn(user: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  await context.addInitScript(() => {
    if (window.location.port === '3333') window.localStorage.setItem('sanity-locale:local:archive', 'en-US')
  })
  const page = await context.newPage()
  await page.goto(`${studioUrl}/`)
  await page.locator('input[name="user"]').waitFor({ timeout: 60_000 })
  await page.locator('input[name="user"]').fill(user)
  await page.locator('input[name="passphrase"]').fill(passphrase)
  await page.getByRole('button', { name: /Sign in/ }).click()
  await page.locator('#user-menu').waitFor({ timeout: 60_000 })
  return page
}

/** Creates a document from the top bar's Create menu and waits for its form. */
async function create(page: Page, typeTitle: string, firstField: string) {
  await page
    .getByRole('button', { name: /^Create/ })
    .first()
    .click()
  await page.getByText(typeTitle, { exact: true }).last().click()
  await page.locator(firstField).waitFor({ timeout: 30_000 })
}

/** Chooses a document action from the footer, directly or from its menu. */
async function chooseAction(page: Page, label: string) {
  const direct = page.getByRole('button', { name: label, exact: true })
  if (await direct.isVisible()) return direct.click()
  const menu = page.locator('[data-testid="action-menu-button"]').last()
  const item = page.getByRole('menuitem', { name: label })
  await expect
    .poll(
      async () => {
        if (!(await item.isVisible())) await menu.click({ timeout: 5_000 }).catch(() => {})
        return item.waitFor({ state: 'visible', timeout: 3_000 }).then(
          () => true,
          () => false,
        )
      },
      { timeout: 30_000 },
    )
    .toBe(true)
  await item.click()
}

const dataset = () => lake.services.datasets.get('production')

describe('a case from an empty archive to the public site', () => {
  it('is started by a therapist, passed by a supervisor, approved from the sheet, published and read', async () => {
    const therapist = await signIn('therapist-sovann')

    // Her survivor: the record is hers (named by the Studio), and saves as it is typed.
    await create(therapist, 'Survivor (private)', 'input[id="name"]')
    await therapist.locator('input[id="name"]').fill('Srey Mom (fictional)')
    await therapist.locator('input[id="pseudonym"]').fill('Yeay Mom')
    await therapist.getByRole('radio', { name: 'Khmer' }).check()
    await therapist.getByTestId('staff-member').getByText('Sovann (fictional)').waitFor()
    await expect
      .poll(
        () =>
          lake.services.datasets
            .get('production')
            .documents()
            .filter((d) => d._type === 'survivor').length,
      )
      .toBe(1)

    // Her testimony, with its public version.
    await create(therapist, 'Testimony', 'input[id="title.en"]')
    await therapist.getByTestId('staff-member').getByText('Sovann (fictional)').waitFor()
    const survivor = therapist.locator('[data-testid="reference-input"] input').first()
    await survivor.fill('Yeay Mom')
    await therapist.getByText('Yeay Mom').last().click()
    await therapist.getByRole('tab', { name: 'Public version' }).click()
    await therapist.locator('input[id="publicVersion.title.en"]').fill('The well behind the cooperative')
    await therapist.locator('input[id="publicVersion.byline.en"]').fill('A woman from Kampot province')
    const body = therapist.locator('[data-testid="field-publicVersion.body.en"] [contenteditable="true"]')
    await body.click()
    await body.pressSequentially('I went to the well every morning. This is a fictional sample.', { delay: 20 })
    await therapist.locator('input[id="slug"]').fill('the-well-behind-the-cooperative')
    await therapist.getByText('Saved', { exact: true }).waitFor({ timeout: 30_000 })

    await chooseAction(therapist, 'Submit for supervisor review')
    await therapist.getByText('Sent to the supervisor.').waitFor({ timeout: 15_000 })
    // Where the supervisor finds it (the desk lists it; the test goes straight to it).
    const testimonyId = (
      dataset()
        .documents()
        .find((d) => d._type === 'testimony')?._id ?? ''
    ).replace(/^drafts\./, '')
    expect(testimonyId).not.toBe('')

    // The supervisor passes it for read-back, in her own name.
    const supervisor = await signIn('supervisor-dara')
    await supervisor.goto(`${studioUrl}/intent/edit/id=${testimonyId};type=testimony/`)
    await supervisor.waitForURL((url) => !url.pathname.includes('/intent/'), { timeout: 30_000 })
    await chooseAction(supervisor, 'Ready for read-back')
    await supervisor.getByText('Passed for read-back.').waitFor({ timeout: 15_000 })

    // Another therapist who opens it by its address is told it is not hers, and sees none of it.
    const colleague = await signIn('therapist-sophea')
    await colleague.goto(`${studioUrl}/intent/edit/id=${testimonyId};type=testimony/`)
    await colleague.getByText('This record is not yours').waitFor({ timeout: 30_000 })
    expect(await colleague.getByText('The well behind the cooperative').count()).toBe(0)
    await colleague.context().close()

    // The therapist prints the sheet, reads it back, and records her approval from its code.
    await expect.poll(() => dataset().get(`drafts.${testimonyId}`)?.workflowState).toBe('readyForReadBack')
    await chooseAction(therapist, 'Read-back sheet')
    await therapist.getByText('The public version').click()
    const [sheet] = await Promise.all([
      therapist.context().waitForEvent('page'),
      therapist.getByRole('button', { name: 'Open the sheet to print' }).click(),
    ])
    const code = (await sheet.locator('.code[data-language="en"]').textContent()) ?? ''
    await sheet.close()
    expect(code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/)

    await chooseAction(therapist, 'Record survivor approval')
    await therapist.locator('input[id="approval-code-public.en"]').fill(code)
    for (const scope of ['ceremonyReading', 'website']) {
      const box = therapist.locator(`input[data-scope="${scope}"]`)
      // On a loaded machine the dialog can redraw under a click (a full run lost one); she ticks it again.
      await expect
        .poll(
          async () => {
            if (!(await box.isChecked())) await box.click()
            return box.isChecked()
          },
          { timeout: 15_000 },
        )
        .toBe(true)
    }
    await therapist.getByText('Thumbprint', { exact: true }).click()
    await therapist.getByRole('button', { name: 'Record approval' }).click()
    await therapist.getByText('Her approval is recorded.').waitFor({ timeout: 15_000 })

    // Publish, and the story is on the live site.
    const publish = therapist.locator('[data-testid="action-publish"]')
    await expect.poll(() => publish.isEnabled(), { timeout: 30_000 }).toBe(true)
    await publish.click()
    await therapist.getByText('The testimony is published.').first().waitFor({ timeout: 30_000 })
    await expect
      .poll(
        async () => {
          const answer = await fetch(`http://127.0.0.1:${site.port}/en/stories/the-well-behind-the-cooperative/`)
          return answer.status === 200 ? await answer.text() : ''
        },
        { timeout: 120_000, interval: 1000 },
      )
      .toContain('The well behind the cooperative')
  }, 400_000)
})
