// `npm run dev` on a fresh data folder, offline: it loads the fictional seed, serves the lake for
// itself, and Astro's development server answers with the site read through the consent gate: a
// published story's page is there, a testimony never published answers 404. The stories reach the
// pages through Astro's live collections, so no data store of them is written: no file of its own
// folder or of the shared caches holds a story; its folder goes when SIGTERM stops it, which also
// revokes the token it minted.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from './freePort.ts'
import { makeKeyFile } from '../../lake/atRest/keyFile.ts'
import { createKeyring, openLake } from '../../lake/index.ts'
import { buildsRoot } from '../../site/build/buildFolders.ts'
import { siteToday } from '../site/siteHarness.ts'
import { testCost } from '../lake/testKey.ts'

const projectRoot = new URL('../..', import.meta.url).pathname
const sharedCaches = ['site/.astro', 'site/node_modules', 'node_modules/.astro', 'node_modules/.vite', '.astro'].map((path) =>
  join(projectRoot, path),
)
const storyTitle = 'The wedding I did not choose'
const devFolders = () => (existsSync(buildsRoot) ? readdirSync(buildsRoot).filter((name) => name.startsWith('dev-')) : [])

/** The files under these folders that hold the words. */
function holding(folders: ReadonlyArray<string>, words: string): string[] {
  const found: string[] = []
  const walk = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) return readdirSync(path).forEach((entry) => walk(join(path, entry)))
    if (readFileSync(path).includes(words)) found.push(path)
  }
  folders.forEach(walk)
  return found
}
const work = mkdtempSync(join(tmpdir(), 'site-dev-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('npm run dev', () => {
  it('serves the site through the consent gate from a fresh data folder, with the seed loaded and the lake served by itself', async () => {
    const dataDir = join(work, 'data')
    const key = createKeyring(dataDir, makeKeyFile(join(dirname(dataDir), '.lake-key')), testCost)
    const { LAKE_PASSPHRASE: _passphrase, LAKE_KEY_FILE: _keyFile, LAKE_TOKEN: _token, SANITY_PROJECT_ID: _project, ...noKey } = process.env
    // Astro's dev server serves no page when it believes it runs under vitest (VITEST set).
    const notVitest = Object.fromEntries(Object.entries(noKey).filter(([name]) => !name.startsWith('VITEST')))
    const env = {
      ...notVitest,
      LAKE_DATA: dataDir,
      // No lake runs there: the command serves the data folder's lake itself.
      LAKE_URL: `http://127.0.0.1:${await freePort()}`,
      SITE_PORT: String(await freePort()),
      SITE_TODAY: siteToday,
    }
    const devBefore = devFolders()
    const dev = spawn('npm', ['run', 'dev'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const exited = new Promise<number | null>((resolve) => dev.once('exit', (code) => resolve(code)))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const look = (chunk: Buffer) => {
          output += chunk.toString()
          const found = /development server: (http:\/\/\S+\/)/.exec(output)?.[1]
          if (found) resolve(found)
        }
        dev.stdout.on('data', look)
        dev.stderr.on('data', look)
        void exited.then(() => reject(new Error(`npm run dev ended before it was up:\n${output}`)))
      })
      expect(output).toContain('Loaded the fictional seed archive')
      const story = await fetch(new URL('en/stories/the-wedding-i-did-not-choose/', url))
      expect(story.status, output).toBe(200)
      expect(await story.text()).toContain(storyTitle)
      expect((await fetch(new URL('en/stories/', url))).status).toBe(200)
      // testimony-08 of the seed is a draft read back, never published: the gate has nothing of it.
      const unpublished = await fetch(new URL('en/stories/the-camp-where-they-said-we-would-be-rebuilt/', url))
      expect(unpublished.status).toBe(404)
      expect(await unpublished.text()).not.toMatch(/the camp where they said/i)
      // Served, the story is in no file: not in the dev server's own folder (no data store), nor elsewhere.
      const own = devFolders().filter((name) => !devBefore.includes(name))
      expect(own.length).toBe(1)
      const ownFolder = join(buildsRoot, own[0] ?? '')
      expect(existsSync(ownFolder)).toBe(true)
      expect(holding([ownFolder], storyTitle)).toEqual([])
      expect(holding(sharedCaches, storyTitle)).toEqual([])
    } finally {
      dev.kill('SIGTERM')
      await exited
    }
    // Stopped, it leaves neither its folder nor the stories anywhere.
    expect(devFolders()).toEqual(devBefore)
    expect(holding(sharedCaches, storyTitle)).toEqual([])
    const lake = openLake({ dataDir, key, log: () => {} })
    const tokens = lake.services.tokens.list().filter((token) => token.role === 'publisher')
    lake.close()
    expect(tokens.length).toBe(1)
    expect(tokens.every((token) => token.revokedAt)).toBe(true)
  }, 180_000)
})
