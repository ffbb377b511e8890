// The browser tests' Chromium comes with `npm install` and draws Khmer without any system package.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { bundledChromium } from './bundledChromium.ts'
import { chooseTestBrowser, NoTestBrowserError } from './testBrowser.ts'

const scratch = mkdtempSync(join(tmpdir(), 'test-browser-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('the tests’ browser', () => {
  it('tells what to install when CHROMIUM_PATH names no file', async () => {
    const choice = chooseTestBrowser({ CHROMIUM_PATH: join(scratch, 'no-such-chromium') }, scratch)
    await expect(choice).rejects.toBeInstanceOf(NoTestBrowserError)
    await expect(choice).rejects.toThrow(/CHROMIUM_PATH names .*no-such-chromium.*\n.*apt-get install chromium fonts-khmeros/)
  })

  it('unpacks the npm package’s Chromium and draws Khmer with its own Khmer font, no system font needed', async () => {
    const bundled = await bundledChromium(scratch)
    expect(bundled).not.toBeNull()
    if (!bundled) return
    expect(readdirSync(scratch).filter((name) => name.includes('partial'))).toEqual([])
    // Only the bundled fonts: what a machine without fonts-khmeros (or any font) would have.
    const onlyBundled = join(scratch, 'only-bundled.conf')
    const fontsFolder = join(bundled.executablePath, '..', 'fonts')
    writeFileSync(
      onlyBundled,
      `<?xml version="1.0"?>\n<fontconfig><dir>${fontsFolder}</dir><cachedir>${scratch}/cache</cachedir></fontconfig>\n`,
    )
    const browser = await chromium.launch({
      executablePath: bundled.executablePath,
      env: { ...process.env, ...bundled.env, FONTCONFIG_FILE: onlyBundled },
      args: ['--no-sandbox', '--disable-gpu'],
    })
    try {
      const page = await browser.newPage()
      await page.setContent('<p id="words" style="font-family: sans-serif">ខ្ញុំចង់ឲ្យកូនចៅដឹង</p>')
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('DOM.enable')
      await cdp.send('CSS.enable')
      const { root } = await cdp.send('DOM.getDocument')
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#words' })
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
      expect(fonts.map((font) => font.familyName)).toEqual(['Noto Sans Khmer'])
    } finally {
      await browser.close()
    }
  }, 60_000)
})
