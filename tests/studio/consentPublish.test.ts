// In the real Studio, Publish on a testimony follows the survivor's consent and says why not.
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments } from '../../lake/index.ts'
import { seedArchivePath } from '../../seed/index.ts'
import type { LakeHarness } from '../lake/lakeHarness.ts'
import { openEditor, signIn, startStudioOnLake, type StudioHarness } from './studioHarness.ts'

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
  await openEditor(page, id, 'testimony')
  await page.locator('[data-testid="action-publish"]').waitFor({ timeout: 30_000 })
}

/** testimony-01 with an approved draft of its approved text, open in the Studio, Publish enabled. */
async function openApprovedDraft() {
  const published = await harness.client('supervisor').getDocument('testimony-01')
  if (!published) throw new Error('the seed archive has no published testimony-01')
  await harness.client('supervisor').createOrReplace({ ...published, _id: 'drafts.testimony-01', workflowState: 'approved' })
  const page = await browser.newPage()
  await openTestimony(page, 'testimony-01')
  const publish = page.locator('[data-testid="action-publish"]')
  await expect.poll(() => publish.isEnabled(), { timeout: 30_000 }).toBe(true)
  return { page, publish, published }
}

describe('publishing a testimony in the Studio', () => {
  it('is disabled, with the reason in plain words, when no consent has been recorded', async () => {
    const page = await browser.newPage()
    await openTestimony(page, 'testimony-11')
    const publish = page.locator('[data-testid="action-publish"]')
    await expect.poll(() => publish.isDisabled(), { timeout: 30_000 }).toBe(true)
    await publish.waitFor({ state: 'visible', timeout: 30_000 })
    await publish.hover({ force: true })
    await page
      .getByText(/No consent has been recorded for this testimony/)
      .first()
      .waitFor({ timeout: 15_000 })
    await page.close()
  }, 120_000)

  it('is allowed when the survivor approved the text as it stands', async () => {
    const { page } = await openApprovedDraft()
    await page.close()
  }, 120_000)

  it('refuses to publish a draft changed after it was judged, says so, and leaves the draft as it was', async () => {
    const { page, publish, published } = await openApprovedDraft()
    const client = harness.client('supervisor')
    // Hold the publish on its way while a colleague edits the public text, so the lake sees the change.
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      void page.route('**/data/mutate/**', async (route) => {
        // Only the publish (the Studio's own saves go on at once).
        if (!route.request().postData()?.includes('createOrReplace')) return route.continue()
        resolve()
        await new Promise<void>((go) => (release = go))
        await route.continue()
      })
    })
    await publish.click()
    await held
    await client.patch('drafts.testimony-01').set({ 'publicVersion.title.en': 'A title she never heard' }).commit()
    release()
    await page
      .getByText(/The testimony changed while you were publishing/)
      .first()
      .waitFor({ timeout: 15_000 })
    // Not published: the colleague's edit of the approved text sent the draft back for read-back.
    const draft = await client.getDocument('drafts.testimony-01')
    expect(draft?.workflowState).toBe('readyForReadBack')
    expect((await client.getDocument('testimony-01'))?._rev).toBe(published._rev)
    await page.close()
  }, 120_000)
})
