// Which Chromium the browser tests drive: CHROMIUM_PATH if set, else the one `npm install` brought,
// else Debian's. Where there is none, the error says exactly what to install.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { bundledChromium } from './bundledChromium.ts'

export interface TestBrowser {
  executablePath: string
  /** Where it came from, for the one line the test run prints. */
  source: 'CHROMIUM_PATH' | 'npm package @sparticuz/chromium' | 'system'
  env: Record<string, string>
}

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
export const cacheRoot = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'testimony-archive')

export const noBrowserHint =
  'Run `npm install` (it brings Chromium in @sparticuz/chromium, for x64 Linux); elsewhere install one, e.g. ' +
  '`apt-get install chromium fonts-khmeros` on Debian, or set CHROMIUM_PATH to a Chromium or Chrome.'

export class NoTestBrowserError extends Error {
  readonly hint: string
  constructor(message: string, hint: string = noBrowserHint) {
    super(`${message}\nHint: ${hint}`)
    this.hint = hint
  }
}

let chosen: Promise<TestBrowser> | null = null

export function testBrowser(): Promise<TestBrowser> {
  chosen ??= chooseTestBrowser(process.env, cacheRoot)
  return chosen
}

export async function chooseTestBrowser(env: NodeJS.ProcessEnv, cacheFolder: string): Promise<TestBrowser> {
  const configured = env.CHROMIUM_PATH
  if (configured) {
    if (!existsSync(configured)) throw new NoTestBrowserError(`CHROMIUM_PATH names ${configured}, which does not exist.`)
    return { executablePath: configured, source: 'CHROMIUM_PATH', env: {} }
  }
  const bundled = await bundledChromium(cacheFolder).catch((error: unknown) => {
    throw new NoTestBrowserError(`The Chromium in @sparticuz/chromium could not be unpacked: ${String(error)}`)
  })
  if (bundled) return { ...bundled, source: 'npm package @sparticuz/chromium' }
  const system = systemChromium.find((path) => existsSync(path))
  if (system) return { executablePath: system, source: 'system', env: {} }
  throw new NoTestBrowserError(`No Chromium for the browser tests on ${process.platform}/${process.arch}.`)
}
