// Launches the tests' Chromium (tests/browser/testBrowser.ts) through playwright-core with the flags
// this closed network needs; playwright gives each launch a fresh, empty profile.
import { chromium, type Browser } from 'playwright-core'
import { NoTestBrowserError, testBrowser } from './browser/testBrowser.ts'

export async function launchChromium(): Promise<Browser> {
  const browser = await testBrowser()
  try {
    return await chromium.launch({
      executablePath: browser.executablePath,
      env: { ...process.env, ...browser.env },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error)
    throw new NoTestBrowserError(`Chromium (${browser.source}, ${browser.executablePath}) did not start: ${reason}`)
  }
}
