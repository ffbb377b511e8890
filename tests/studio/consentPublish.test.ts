// In the real Studio, Publish on a testimony follows the survivor's consent and says why not.
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments } from '../../lake/index.ts'
import { seedArchivePath } from '../../seed/index.ts'
import type { LakeHarness } from '../lake/lakeHarness.ts'
import { editUrl, signIn, startStudioOnLake, type StudioHarness } from './studioHarness.ts'

let studio: StudioHarness
let harness: LakeHarness
let browser: Browser

beforeAll(async () => {
  studio = await startStudioOnLake()
  harness = studio.lake
  browser = studio.browser
  importDocuments(harness.lake.services.datasets.get('production'), readFileSync(seedArchivePath, 'utf8'), {
    author: 'seed',
    replace: true,
  })
}, 60_000)

afterAll(async () => {
  await studio?.stop()
})

async function openTestimony(page: Page, id: string) {
  await signIn(page, harness.tokens.supervisor)
  await page.goto(editUrl(id, 'testimony'))
  await page.locator('[data-testid="action-publish"]').waitFor({ timeout: 30_000 })
}

describe('publishing a testimony in the Studio', () => {
  it('is disabled, with the reason in plain words, when no consent has been recorded', async () => {
    const page = await browser.newPage()
    await openTestimony(page, 'testimony-11')
    const publish = page.locator('[data-testid="action-publish"]')
    await expect.poll(() => publish.isDisabled(), { timeout: 30_000 }).toBe(true)
    await publish.hover({ force: true })
    await page
      .getByText(/No consent has been recorded for this testimony/)
      .first()
      .waitFor({ timeout: 15_000 })
    await page.close()
  }, 120_000)

  it('is allowed when the survivor approved the text as it stands', async () => {
    const client = harness.client('supervisor')
    const published = await client.getDocument('testimony-01')
    if (!published) throw new Error('the seed archive has no published testimony-01')
    await client.createOrReplace({ ...published, _id: 'drafts.testimony-01', workflowState: 'approved' })
    const page = await browser.newPage()
    await openTestimony(page, 'testimony-01')
    await expect.poll(() => page.locator('[data-testid="action-publish"]').isEnabled(), { timeout: 30_000 }).toBe(true)
    await page.close()
  }, 120_000)
})
