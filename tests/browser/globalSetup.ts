// Before any test: find and, the first time, unpack the browser, and start it once, so that a machine
// without one fails at once with what to install rather than with a launch error in every browser test.
import { launchChromium } from '../browserHarness.ts'
import { testBrowser } from './testBrowser.ts'

export default async function checkTestBrowser(): Promise<void> {
  const browser = await testBrowser()
  await (await launchChromium()).close()
  console.log(`Browser tests run in Chromium from ${browser.source} (${browser.executablePath}).`)
}
