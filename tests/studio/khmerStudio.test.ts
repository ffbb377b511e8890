// The Studio in Khmer for a user who chose it: the desk, Sanity's own buttons, the field titles,
// this project's actions and the consent reasons.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { importDocuments } from '../../lake/index.ts'
import { seedArchivePath } from '../../seed/index.ts'
import { openEditor, signIn, startStudioOnLake, type StudioHarness } from './studioHarness.ts'

let studio: StudioHarness

beforeAll(async () => {
  studio = await startStudioOnLake()
  importDocuments(studio.lake.lake.services.datasets.get('production'), readFileSync(seedArchivePath, 'utf8'), {
    author: 'seed',
    replace: true,
  })
}, 60_000)

afterAll(async () => {
  await studio?.stop()
})

describe('the Studio in Khmer', () => {
  it('shows the desk, the form, the actions and the reasons in Khmer', async () => {
    const page = await studio.browser.newPage()
    await signIn(page, studio.lake.tokens.supervisor, 'km-KH')
    await page.goto('http://localhost:3333/structure')
    await page.getByText('សក្ខីកម្មទាំងអស់').waitFor({ timeout: 30_000 })
    await page.getByText('សវនកម្ម និងរបាយការណ៍ការយល់ព្រម').waitFor()

    await openEditor(page, 'testimony-11', 'testimony')
    const publish = page.getByRole('button', { name: 'ផ្សព្វផ្សាយ', exact: true })
    await publish.waitFor({ timeout: 30_000 })
    await page.getByText('ស្ថានភាពការងារ').first().waitFor()
    await page.getByRole('tab', { name: 'កំណែសាធារណៈ' }).waitFor()
    await publish.hover({ force: true })
    await page
      .getByText(/មិនទាន់មានការកត់ត្រាការយល់ព្រម/)
      .first()
      .waitFor({ timeout: 15_000 })
    await page.locator('[data-testid="action-menu-button"]').click()
    await page.getByRole('menuitem', { name: 'សន្លឹកអានឡើងវិញ' }).waitFor()
    await page.close()
  }, 120_000)
})
