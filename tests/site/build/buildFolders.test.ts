// A build's working folder is Astro's root, so it must be where Astro finds its packages: inside the
// checkout. One given outside is refused before anything is written, with what to do instead.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HintedError } from '../../../core/index.ts'
import { buildFolders, buildsRoot, ownBuildFolder } from '../../../site/build/buildFolders.ts'

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

  it('removes the folders of builds whose process is gone, and keeps those of running ones', () => {
    // A process that has ended: its pid is free.
    const ended = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }).pid
    const abandoned = join(buildsRoot, `build-abandoned-${ended}`)
    const running = join(buildsRoot, `build-running-${process.pid}`)
    for (const [folder, pid] of [
      [abandoned, ended],
      [running, process.pid],
    ] as const) {
      mkdirSync(join(folder, 'cache'), { recursive: true })
      writeFileSync(join(folder, 'owner.pid'), String(pid))
      writeFileSync(join(folder, 'cache', 'staged-page.html'), '<p>a fictional public story</p>')
    }
    const own = ownBuildFolder('build')
    try {
      expect(existsSync(abandoned)).toBe(false)
      expect(existsSync(join(running, 'cache', 'staged-page.html'))).toBe(true)
      expect(readFileSync(join(own, 'owner.pid'), 'utf8')).toBe(String(process.pid))
    } finally {
      for (const folder of [abandoned, running, own]) rmSync(folder, { recursive: true, force: true })
    }
  })

  it('removes what a build killed half-way left beside its output, and keeps a running build’s', () => {
    const out = mkdtempSync(join(tmpdir(), 'build-out-'))
    const running = ownBuildFolder('build')
    const site = join(out, 'site')
    const left = [`site.building-build-Gone12`, `site.building-build-Gone12.search`, `site.building-process-Gone34`]
    const kept = [`site.building-${basename(running)}`, `site.building-${basename(running)}.search`, 'site.building-notes', 'site']
    try {
      for (const name of [...left, ...kept]) {
        mkdirSync(join(out, name, 'en'), { recursive: true })
        writeFileSync(join(out, name, 'en', 'index.html'), 'a fictional story erased since')
      }
      buildFolders(site).remove()
      expect(readdirSync(out).sort()).toEqual([...kept].sort())
    } finally {
      rmSync(running, { recursive: true, force: true })
      rmSync(out, { recursive: true, force: true })
    }
  })
})
