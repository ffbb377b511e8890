// The whole story in the real Studio on the lake: a therapist's draft goes to review, she prints
// the read-back sheet, records the survivor's approval from its codes and publishes; an edit blocks
// publishing with the reason; a new sheet and approval open it again; withdrawal unpublishes it.
import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aTestimony } from '../core/fixtures.ts'
import type { LakeHarness } from '../lake/lakeHarness.ts'
import { openEditor, signIn, startStudioOnLake, type StudioHarness } from './studioHarness.ts'

let studio: StudioHarness
let harness: LakeHarness
let browser: Browser
const id = 'testimony-story'
const studioUrl = 'http://localhost:3333'

beforeAll(async () => {
  studio = await startStudioOnLake()
  harness = studio.lake
  browser = studio.browser
  const admin = harness.client('administrator')
  await admin.create({ _id: 'survivor-story', _type: 'survivor', name: 'Fictional Survivor', assignedTherapist: 'therapist-sophea' })
  await admin.create({
    ...aTestimony({ _id: `drafts.${id}`, slug: { current: 'a-story-of-the-rice-fields' }, themes: [], ceremony: undefined }),
    survivor: { _type: 'reference', _ref: 'survivor-story' },
    therapist: 'therapist-sophea',
    workflowState: 'drafting',
  })
}, 60_000)

afterAll(async () => {
  await studio?.stop()
})

async function signedIn(token: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, token)
  return { context, page }
}

async function openTestimony(page: Page) {
  await openEditor(page, id, 'testimony')
  await page.locator('[data-testid="action-publish"]').waitFor({ timeout: 30_000 })
}

/** Runs a document action from the footer's menu, as a therapist would. */
/** Runs a document action; when it opens a dialog, waits until `opens` shows in it. */
async function runAction(page: Page, label: string, opens?: Locator) {
  await chooseAction(page, label)
  await opens?.waitFor({ state: 'visible', timeout: 20_000 })
}

async function chooseAction(page: Page, label: string) {
  const direct = page.getByRole('button', { name: label, exact: true })
  if (await direct.isVisible()) return direct.click()
  // While the desk moves from one pane layout to the next, an old pane's footer may linger.
  const menu = page.locator('[data-testid="action-menu-button"]')
  await expect.poll(() => menu.count(), { timeout: 15_000 }).toBe(1)
  // The menu fills in as the user's role loads; a click into a menu that is being redrawn is lost,
  // so the menu is opened until it shows the action, and only then is the action chosen.
  const item = page.getByRole('menuitem', { name: label })
  await expect
    .poll(
      async () => {
        if (!(await item.isVisible())) await menu.click({ timeout: 5_000 }).catch(() => {})
        const shown = await item.waitFor({ state: 'visible', timeout: 3_000 }).then(
          () => true,
          () => false,
        )
        if (!shown) await page.keyboard.press('Escape')
        return shown
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true)
  await item.click()
}

const stateOf = async () => (await harness.client('administrator').getDocument(`drafts.${id}`))?.workflowState

async function printSheetCodes(page: Page): Promise<Record<'km' | 'en', string>> {
  await runAction(page, 'Read-back sheet', page.getByText('The public version'))
  await page.getByText('The public version').click()
  const [sheet] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('button', { name: 'Open the sheet to print' }).click(),
  ])
  await sheet.locator('.code').first().waitFor()
  expect(await sheet.locator('h1').textContent()).toMatch(/Read-back sheet/)
  expect(await sheet.locator('.sign').textContent()).toMatch(/Thumbprint.*Witness/s)
  const code = async (language: string) => (await sheet.locator(`.code[data-language="${language}"]`).textContent()) ?? ''
  const codes = { km: await code('km'), en: await code('en') }
  await sheet.close()
  return codes
}

async function recordApproval(page: Page, codes: Record<'km' | 'en', string>) {
  await runAction(page, 'Record survivor approval', page.locator('input[id="approval-code-public.km"]'))
  await page.locator('input[id="approval-code-public.km"]').fill(codes.km)
  await page.locator('input[id="approval-code-public.en"]').fill(codes.en.toLowerCase())
  // Tick each box and look that it is ticked, as a person would, while the form may still re-render.
  for (const scope of ['ceremonyReading', 'website']) {
    const box = page.locator(`input[data-scope="${scope}"]`)
    await expect
      .poll(async () => {
        if (!(await box.isChecked())) await box.click()
        return box.isChecked()
      })
      .toBe(true)
  }
  await page.getByText('Thumbprint', { exact: true }).click()
  await page.getByRole('button', { name: 'Record approval' }).click()
}

async function publish(page: Page) {
  const button = page.locator('[data-testid="action-publish"]')
  await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true)
  await button.click()
  await expect.poll(async () => (await harness.client('administrator').getDocument(id))?._id, { timeout: 30_000 }).toBe(id)
  expect((await harness.client('administrator').getDocument(id))?.workflowState).toBe('published')
  await page.getByText('The testimony is published.').first().waitFor({ timeout: 15_000 })
}

describe('a testimony from draft to publication and withdrawal', () => {
  it('goes through review, read-back, approval, publication, a blocked edit, a new approval, and withdrawal', async () => {
    const therapist = await signedIn(harness.tokens.therapist)
    const supervisor = await signedIn(harness.tokens.supervisor)
    const page = therapist.page

    // Her desk lists the draft under Drafting.
    await page.goto(`${studioUrl}/structure/testimonies;drafting`)
    await page.getByText('A story of the rice fields').first().waitFor({ timeout: 30_000 })

    await openTestimony(page)
    // The therapist is offered only her step; the supervisor's pass records who gave it.
    await runAction(page, 'Submit for supervisor review')
    await page.getByText('Sent to the supervisor.').waitFor({ timeout: 15_000 })
    await expect.poll(stateOf, { timeout: 15_000 }).toBe('supervisorReview')

    await openTestimony(supervisor.page)
    await runAction(supervisor.page, 'Ready for read-back')
    await supervisor.page.getByText('Passed for read-back.').waitFor({ timeout: 15_000 })
    await expect.poll(stateOf, { timeout: 15_000 }).toBe('readyForReadBack')
    expect((await harness.client('administrator').getDocument(`drafts.${id}`))?.review).toMatchObject({ passedBy: 'supervisor-test' })

    const firstCodes = await printSheetCodes(page)
    await recordApproval(page, firstCodes)
    await page.getByText('Her approval is recorded.').waitFor({ timeout: 15_000 })
    await expect.poll(stateOf, { timeout: 15_000 }).toBe('approved')
    await publish(page)

    // An edit to the public text closes the gate, and the button says why.
    await page.getByRole('tab', { name: 'Public version' }).click()
    const hopes = page.locator('textarea[id="publicVersion.hopes.en"]')
    await hopes.fill('I hope no woman lives this again, and that my grandchildren know.')
    await expect
      .poll(async () => (await harness.client('administrator').getDocument(`drafts.${id}`))?.publicVersion?.hopes?.en, { timeout: 15_000 })
      .toMatch(/grandchildren/)
    const button = page.locator('[data-testid="action-publish"]')
    await expect.poll(() => button.isDisabled(), { timeout: 30_000 }).toBe(true)
    await button.hover({ force: true })
    await page
      .getByText(/has changed since the survivor approved it/)
      .first()
      .waitFor({ timeout: 15_000 })

    // A sheet printed before the edit is refused, with the reason.
    await recordApproval(page, firstCodes)
    await page
      .getByTestId('approval-problems')
      .getByText(/the text was changed after this sheet was printed/)
      .first()
      .waitFor()
    await page.keyboard.press('Escape')

    const newCodes = await printSheetCodes(page)
    expect(newCodes.en).not.toBe(firstCodes.en)
    await recordApproval(page, newCodes)
    // The first approval's note may still be showing beside the new one.
    await page.getByText('Her approval is recorded.').last().waitFor({ timeout: 15_000 })
    await publish(page)
    expect((await harness.client('administrator').getDocument(id))?.publicVersion?.hopes?.en).toMatch(/grandchildren/)

    // Withdrawal: the menu, the action, the confirmation; the testimony is unpublished at once.
    await runAction(page, 'Withdraw consent', page.getByRole('button', { name: 'Withdraw consent now' }))
    await page.getByRole('button', { name: 'Withdraw consent now' }).click()
    await expect.poll(async () => await harness.client('administrator').getDocument(id), { timeout: 15_000 }).toBeUndefined()
    expect(await stateOf()).toBe('withdrawn')

    await therapist.context.close()
    await supervisor.context.close()
  }, 240_000)

  it('shows supervisors who recorded and withdrew the consent, and exports it as CSV', async () => {
    const { context, page } = await signedIn(harness.tokens.supervisor)
    await page.goto(`${studioUrl}/structure/consent-audit`)
    const audit = page.getByTestId('consent-audit')
    await audit.getByText('withdrew consent').waitFor({ timeout: 30_000 })
    expect(await audit.getByText('recorded consent').count()).toBe(2)
    expect(await audit.textContent()).toContain('therapist-sophea')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download audit trail (CSV)' }).click(),
    ])
    const csv = readFileSync(await download.path(), 'utf8')
    expect(csv).toMatch(/therapist-sophea,withdrew,consent-[\w-]+,testimony-story/)
    await context.close()
  }, 120_000)

  it('refuses a publication through the API that the survivor did not consent to', async () => {
    const client = harness.client('administrator')
    await expect(
      client.action({ actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id }),
    ).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('withdrew her consent to'),
    })
  })
  it('lets an administrator erase the testimony, leaving only a record that it happened', async () => {
    const { context, page } = await signedIn(harness.tokens.administrator)
    await openTestimony(page)
    await runAction(page, 'Erase testimony', page.locator('input[id="erase-confirmation"]'))
    await page.locator('input[id="erase-confirmation"]').fill('ERASE')
    await page.getByRole('button', { name: 'Erase for good' }).click()
    const client = harness.client('administrator')
    await expect
      .poll(() => client.fetch('count(*[_id in [$id, "drafts." + $id] || testimony._ref == $id])', { id }), { timeout: 15_000 })
      .toBe(0)
    expect(await client.fetch('*[_type == "erasureRecord"][0].testimonyId')).toBe(id)
    await context.close()
  }, 120_000)
})
