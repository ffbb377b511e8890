// The unmodified Sanity Studio, built from studio/, in a real Chromium against a running lake.
import type { Browser } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LakeHarness } from '../lake/lakeHarness.ts'
import { signIn, startStudioOnLake, type StudioHarness } from './studioHarness.ts'

let studio: StudioHarness
let harness: LakeHarness
let browser: Browser

beforeAll(async () => {
  studio = await startStudioOnLake()
  harness = studio.lake
  browser = studio.browser
}, 60_000)

afterAll(async () => {
  await studio?.stop()
})

describe('the Studio on the lake', () => {
  it('creates, edits and publishes a document, sees another client’s change live, and keeps it all after a reload', async () => {
    const page = await browser.newPage()
    await signIn(page, harness.tokens.supervisor)
    await page.goto('http://localhost:3333/intent/create/type=theme;id=theme-studio-test/')
    const title = page.locator('input[id="title.en"]')
    await title.waitFor({ timeout: 30_000 })
    await title.fill('Forced marriage')
    await page.locator('input[id="slug"]').fill('forced-marriage')
    await expect
      .poll(async () => (await harness.client('supervisor').getDocument('drafts.theme-studio-test'))?.title?.en, { timeout: 30_000 })
      .toBe('Forced marriage')

    // As a therapist would: wait for "Saved", press Publish, and press again if the Studio was
    // still validating the last keystrokes and asked to wait.
    await page.getByText('Saved', { exact: true }).waitFor({ timeout: 30_000 })
    const publish = page.locator('[data-testid="action-publish"]')
    await expect
      .poll(
        async () => {
          if (await publish.isEnabled()) await publish.click()
          return (await harness.client('supervisor').getDocument('theme-studio-test'))?.title?.en
        },
        { timeout: 30_000, interval: 2000 },
      )
      .toBe('Forced marriage')

    // Another client changes the published document; the open editor shows it without a reload.
    await harness.client('administrator').patch('theme-studio-test').set({ 'title.km': 'ការរៀបការដោយបង្ខំ' }).commit()
    await expect.poll(() => page.locator('input[id="title.km"]').inputValue(), { timeout: 30_000 }).toBe('ការរៀបការដោយបង្ខំ')

    await page.reload()
    await page.locator('input[id="title.en"]').waitFor({ timeout: 30_000 })
    await expect.poll(() => page.locator('input[id="title.en"]').inputValue(), { timeout: 30_000 }).toBe('Forced marriage')

    // The history timeline, from the lake's transaction log and document events.
    await page.locator('[data-testid="pane-footer-document-status"]').click()
    await page.getByRole('tab', { name: 'History' }).click()
    await page.getByText('Draft created', { exact: true }).first().waitFor({ timeout: 30_000 })
    await page.close()
  }, 120_000)

  it('opens two documents side by side, both editable', async () => {
    const client = harness.client('supervisor')
    await client.createOrReplace({ _id: 'theme-left', _type: 'theme', title: { en: 'Left' } })
    await client.createOrReplace({ _id: 'theme-right', _type: 'theme', title: { en: 'Right' } })
    // Wide enough for the desk's lists and two documents side by side.
    const page = await browser.newPage({ viewport: { width: 2560, height: 1080 } })
    await signIn(page, harness.tokens.supervisor)
    // A split pane: the left document and, beside it, the right one.
    await page.goto('http://localhost:3333/structure/public-content;theme;theme-left|;theme-right')
    const left = page.locator('input[id="title.en"][value="Left"]').first()
    const right = page.locator('input[id="title.en"][value="Right"]').first()
    await right.waitFor({ timeout: 30_000 })
    await left.waitFor({ timeout: 30_000 })
    await right.fill('Right, edited')
    await expect.poll(async () => (await client.getDocument('drafts.theme-right'))?.title?.en, { timeout: 30_000 }).toBe('Right, edited')
    await left.fill('Left, edited')
    await expect.poll(async () => (await client.getDocument('drafts.theme-left'))?.title?.en, { timeout: 30_000 }).toBe('Left, edited')
    await page.close()
  }, 120_000)

  it('uploads a photograph and shows its preview, loaded through the Studio’s asset session', async () => {
    const client = harness.client('supervisor')
    await client.createOrReplace({
      _id: 'ceremony-photo',
      _type: 'ceremony',
      date: '2026-03-01',
      placeKind: 'pagoda',
      place: { en: 'A pagoda (fictional)' },
    })
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await signIn(page, harness.tokens.supervisor)
    await page.goto('http://localhost:3333/structure/ceremony;ceremony-photo')
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 30, g: 120, b: 60 } } })
      .png()
      .toBuffer()
    await page.locator('input[type="file"]').first().setInputFiles({ name: 'pagoda.png', mimeType: 'image/png', buffer: png })
    await expect.poll(async () => await client.fetch<number>('count(*[_type == "sanity.imageAsset"])'), { timeout: 30_000 }).toBe(1)
    await expect
      .poll(async () => (await client.getDocument('drafts.ceremony-photo'))?.photo?.asset?._ref, { timeout: 30_000 })
      .toMatch(/^image-[a-f0-9]{40}-64x48-png$/)
    // The preview is an <img> without a token: it loads only through the asset session cookie.
    const preview = page.locator('img[src*="/images/local/production/"]').first()
    await preview.waitFor({ timeout: 30_000 })
    await expect
      .poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 30_000 })
      .toBe(true)
    await page.close()
  }, 120_000)

  it('makes no request outside this machine while a therapist works, and draws its own fonts', async () => {
    const page = await browser.newPage()
    const requested: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    await signIn(page, harness.tokens.supervisor)
    await page.goto('http://localhost:3333/intent/create/type=glossaryTerm;id=glossary-offline/')
    await page.locator('input[id="term.en"]').fill('Testimonial therapy')
    await expect
      .poll(async () => (await harness.client('supervisor').getDocument('drafts.glossary-offline'))?.term?.en, { timeout: 30_000 })
      .toBe('Testimonial therapy')
    await page.waitForTimeout(3000)
    const outside = requested.filter((url) => !/^(https?|wss?):\/\/([a-z0-9-]+\.)*localhost(:\d+)?\//.test(url) && !url.startsWith('data:'))
    expect(outside).toEqual([])
    expect(requested.some((url) => url.includes('/static/fonts/inter-latin-wght-normal.woff2'))).toBe(true)
    await page.close()
  }, 120_000)
})
