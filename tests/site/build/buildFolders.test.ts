// A build's working folder is Astro's root, so it must be where Astro finds its packages: inside the
// checkout. One given outside is refused before anything is written, with what to do instead.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HintedError } from '../../../core/index.ts'
import { buildFolders, ownBuildFolder } from '../../../site/build/buildFolders.ts'

describe('a site build’s folders', () => {
  it('refuses a working folder outside the checkout, saying to leave it out', () => {
    const outside = mkdtempSync(join(tmpdir(), 'build-work-'))
    try {
      const attempt = () => buildFolders(join(outside, 'out'), join(outside, 'work'))
      expect(attempt).toThrow(HintedError)
      expect(attempt).toThrow(/must be inside the checkout/)
      expect(existsSync(join(outside, 'out'))).toBe(false)
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })

  it('accepts a working folder of its own under the checkout and leaves it to its maker', () => {
    const work = ownBuildFolder('build')
    const out = mkdtempSync(join(tmpdir(), 'build-out-'))
    try {
      const folders = buildFolders(join(out, 'site'), work)
      expect(folders.cacheDir).toBe(join(work, 'cache'))
      folders.remove()
      expect(existsSync(work)).toBe(true)
    } finally {
      rmSync(work, { recursive: true, force: true })
      rmSync(out, { recursive: true, force: true })
    }
  })
})
