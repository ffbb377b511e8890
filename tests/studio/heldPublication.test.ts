// Holding a publication until a day, in the real Studio on the lake: the therapist records the
// survivor's approval with the day before which she asked that her story not be made public; the
// testimony's status says until which day it is held (in words, in the Studio's language), Publish
// publishes it in the archive, and the consent record keeps the day.
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localDate, programmeDay } from '../../core/index.ts'
import { readBackParts } from '../../studio/workflow/index.ts'
import { aTestimony } from '../core/fixtures.ts'
import type { LakeHarness } from '../lake/lakeHarness.ts'
import { walkTo } from '../lake/workflowWalk.ts'
import { openEditor, signIn, startStudioOnLake, type StudioHarness } from './studioHarness.ts'

let studio: StudioHarness
let harness: LakeHarness
const id = 'testimony-held-studio'
const testimony = aTestimony({ _id: id, slug: { current: 'a-story-held-in-the-studio' }, themes: [], ceremony: undefined })
// A month from the Studio's today (its clock is the machine's), before the default review in a year.
const held = (() => {
  const day = new Date(`${programmeDay(new Date())}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + 30)
  return day.toISOString().slice(0, 10)
})()

beforeAll(async () => {
  studio = await startStudioOnLake()
  harness = studio.lake
  const admin = harness.client('administrator')
  await admin.create({ _id: 'survivor-held', _type: 'survivor', name: 'Fictional Survivor', assignedTherapist: 'therapist-sophea' })
  // Through the workflow as the lake requires: a draft, submitted, passed for read-back.
  await walkTo('readyForReadBack', {
    client: admin,
    userId: 'admin-test',
    testimony: {
      ...testimony,
      _id: id,
      _type: 'testimony',
      survivor: { _type: 'reference', _ref: 'survivor-held' },
      therapist: 'therapist-sophea',
    },
    consent: { _id: 'unused', _type: 'consentRecord' },
  })
}, 60_000)

afterAll(async () => {
  await studio?.stop()
})

/** A document action from the footer or its menu, once the menu offers it (it fills in as the role loads). */
async function runAction(page: Page, label: string, opens: Locator) {
  const direct = page.getByRole('button', { name: label, exact: true })
  const item = page.getByRole('menuitem', { name: label })
  await expect
    .poll(
      async () => {
        if (await direct.isVisible()) await direct.click()
        else {
          if (!(await item.isVisible()))
            await page
              .locator('[data-testid="action-menu-button"]')
              .click({ timeout: 5_000 })
              .catch(() => {})
          await item.click({ timeout: 3_000 }).catch(() => page.keyboard.press('Escape'))
        }
        // A loaded machine may take seconds to open it: clicking again meanwhile could close it.
        await opens.waitFor({ timeout: 8_000 }).catch(() => {})
        return opens.isVisible()
      },
      { timeout: 45_000, interval: 1_000 },
    )
    .toBe(true)
}

describe('a publication held until a day, in the Studio', () => {
  it('records the day with her approval, says until when it is held, and lets it be published in the archive', async () => {
    const context = await studio.browser.newContext()
    const page = await context.newPage()
    await signIn(page, harness.tokens.therapist)
    await openEditor(page, id, 'testimony')
    await page.locator('[data-testid="action-publish"]').waitFor({ timeout: 30_000 })

    await runAction(page, 'Record survivor approval', page.locator('input[id="approval-notBefore"]'))
    for (const { part, code } of readBackParts(testimony).filter((p) => p.part.startsWith('public.')))
      await page.locator(`input[id="approval-code-${part}"]`).fill(code)
    const website = page.locator('input[data-scope="website"]')
    await expect
      .poll(async () => {
        if (!(await website.isChecked())) await website.click()
        return website.isChecked()
      })
      .toBe(true)
    await page.getByText('Thumbprint', { exact: true }).click()
    await page.locator('input[id="approval-notBefore"]').fill(held)
    await page.getByText(localDate(held, 'en')).waitFor()
    await page.getByRole('button', { name: 'Record approval' }).click()
    await page.getByText('Her approval is recorded.').waitFor({ timeout: 15_000 })

    const consents = await harness.client('administrator').fetch('*[_type == "consentRecord" && testimony._ref == $id]{notBefore}', { id })
    expect(consents).toEqual([{ notBefore: held }])
    await expect
      .poll(() => page.getByTestId('publication-held').textContent({ timeout: 20_000 }), { timeout: 30_000 })
      .toContain(`not be made public before ${localDate(held, 'en')}`)

    const publish = page.locator('[data-testid="action-publish"]')
    await expect.poll(() => publish.isEnabled(), { timeout: 30_000 }).toBe(true)
    await publish.click()
    await expect
      .poll(async () => (await harness.client('administrator').getDocument(id))?.workflowState, { timeout: 30_000 })
      .toBe('published')
    await context.close()
  }, 180_000)
})
