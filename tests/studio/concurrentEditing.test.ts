// Two people editing the same testimony at once (a therapist and her supervisor, each in her own
// browser), typing as fast as a quick typist while the machine is busy: neither loses or misplaces a
// character of the other's, and each sees the other's change without reloading. TYPING_ROUNDS sets
// how many rounds (3 in npm test); the lake's side of the contract is in tests/lake/realtimeContract.test.ts.
import { spawn, type ChildProcess } from 'node:child_process'
import { availableParallelism } from 'node:os'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aTestimony } from '../core/fixtures.ts'
import { openEditor, signIn, startStudioOnLake, type StudioHarness } from './studioHarness.ts'

let studio: StudioHarness
const id = 'testimony-together'
const rounds = Number(process.env.TYPING_ROUNDS ?? 3)
// One busy process per core for the whole test: the browser, the Studio and the lake share what is left.
const load: ChildProcess[] = []

beforeAll(async () => {
  studio = await startStudioOnLake()
  await studio.lake.client('administrator').create({
    ...aTestimony({ _id: `drafts.${id}`, slug: { current: 'together' }, themes: [], ceremony: undefined }),
    therapist: 'therapist-sophea',
    workflowState: 'drafting',
  })
}, 60_000)

afterAll(async () => {
  for (const busy of load) busy.kill()
  await studio?.stop()
})

async function openAs(token: string) {
  const context = await studio.browser.newContext()
  const page = await context.newPage()
  await signIn(page, token)
  await openEditor(page, id, 'testimony')
  await page.getByRole('tab', { name: 'Public version' }).click()
  return { context, page }
}

const words = {
  en: 'I hope that my grandchildren learn what happened, and that it never happens again.',
  km: 'ខ្ញុំសង្ឃឹមថាចៅៗរបស់ខ្ញុំនឹងរៀនពីអ្វីដែលបានកើតឡើង។',
}
const field = (page: Page, lang: 'en' | 'km') => page.locator(`textarea[id="publicVersion.hopes.${lang}"]`)

describe('two sessions on one testimony', () => {
  it('keeps every character of both people’s words, typed fast at the same time on a busy machine, and shows each to the other', async () => {
    const therapist = await openAs(studio.lake.tokens.therapist)
    const supervisor = await openAs(studio.lake.tokens.supervisor)
    await Promise.all([field(therapist.page, 'en').waitFor({ timeout: 30_000 }), field(supervisor.page, 'km').waitFor({ timeout: 30_000 })])
    for (let i = 0; i < availableParallelism(); i++) load.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }))
    const client = studio.lake.client('administrator')
    const stored = async () => {
      const hopes = (await client.getDocument(`drafts.${id}`))?.publicVersion?.hopes
      return { en: hopes?.en ?? '', km: hopes?.km ?? '' }
    }

    for (let round = 0; round < rounds; round++) {
      // Each round the two swap languages, so both type Khmer and English into each field.
      const [therapistLang, supervisorLang] = round % 2 === 0 ? (['en', 'km'] as const) : (['km', 'en'] as const)
      await field(therapist.page, 'en').fill('')
      await field(therapist.page, 'km').fill('')
      await expect.poll(stored, { timeout: 30_000 }).toEqual({ en: '', km: '' })
      await expect.poll(() => field(supervisor.page, 'en').inputValue(), { timeout: 30_000 }).toBe('')
      await expect.poll(() => field(supervisor.page, 'km').inputValue(), { timeout: 30_000 }).toBe('')
      // 15 ms a key: a quick typist, on two cores both kept busy.
      await Promise.all([
        field(therapist.page, therapistLang).pressSequentially(words[therapistLang], { delay: 15, timeout: 120_000 }),
        field(supervisor.page, supervisorLang).pressSequentially(words[supervisorLang], { delay: 15, timeout: 120_000 }),
      ])
      await expect.poll(stored, { timeout: 30_000 }).toEqual(words)
      await expect.poll(() => field(therapist.page, supervisorLang).inputValue(), { timeout: 30_000 }).toBe(words[supervisorLang])
      await expect.poll(() => field(supervisor.page, therapistLang).inputValue(), { timeout: 30_000 }).toBe(words[therapistLang])
    }
    await therapist.context.close()
    await supervisor.context.close()
  }, 600_000)
})
