// The built Studio served on port 3333 against a lake on 4444 (the ports the build expects),
// with a real Chromium, for the Studio's browser tests.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { serveStudio, studioBuildDir } from '../../studio/serveStudio.ts'
import { launchChromium } from '../browserHarness.ts'
import { startLake, type LakeHarness, type LakeHarnessOptions } from '../lake/lakeHarness.ts'

export interface StudioHarness {
  lake: LakeHarness
  browser: Browser
  stop(): Promise<void>
}

export async function startStudioOnLake(options: Omit<LakeHarnessOptions, 'port'> = {}): Promise<StudioHarness> {
  if (!existsSync(join(studioBuildDir, 'index.html'))) throw new Error('Build the Studio first: npm run build:studio')
  const lake = await startLake({ ...options, port: 4444 })
  const studio = await serveStudio(3333)
  const browser = await launchChromium()
  return {
    lake,
    browser,
    async stop() {
      await browser.close()
      await studio.close()
      await lake.stop()
    },
  }
}

/**
 * Opens the Studio with a sign-in link and waits until it has stored the token, as a reload would
 * need; then chooses the interface language as the user menu would (the Studio starts in Khmer).
 */
export async function signIn(page: Page, token: string, locale: 'en-US' | 'km-KH' = 'en-US'): Promise<void> {
  await page.goto(`http://localhost:3333/#token=${token}`)
  await page.waitForFunction(() => window.localStorage.getItem('__studio_auth_token_local') !== null, undefined, { timeout: 30_000 })
  await page.evaluate((id) => window.localStorage.setItem('sanity-locale:local:archive', id), locale)
}

/** Where the Studio opens a document for editing, wherever the desk lists it. */
export const editUrl = (id: string, type: string) => `http://localhost:3333/intent/edit/id=${id};type=${type}/`

/**
 * Opens a document as a link to it would, and waits until the Studio has turned the intent into a
 * desk address: it draws the pane again then, and an action opened in the first drawing would lose
 * its dialog (and what was typed in it).
 */
export async function openEditor(page: Page, id: string, type: string): Promise<void> {
  await page.goto(editUrl(id, type))
  await page.waitForURL((url) => !url.pathname.includes('/intent/'), { timeout: 30_000 })
}
