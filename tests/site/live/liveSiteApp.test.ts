// The live site's HTTP layer over a small built folder, in process: a withdrawn story's pages, asked
// for in any of the ways a static host answers them, show the neutral page; its cards leave exactly
// the pages the report names; its fragments and its recording are refused; the sitemap drops it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { IncrementReport } from '../../../site/build/incrementReport.ts'
import { cardsByPage } from '../../../site/live/addedCards.ts'
import { liveSiteApp } from '../../../site/live/liveSiteApp.ts'
import { storyAdditions } from '../../../site/live/storyAdditions.ts'
import { nothingRefused, refusedOutput } from '../../../site/live/withdrawnFilter.ts'

const root = mkdtempSync(join(tmpdir(), 'live-app-'))
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
}
const card = (slug: string) => `<li class="story-card" data-story="${slug}"><h3>${slug} card</h3></li>`
write('km/stories/rice/index.html', '<h1>Rice story</h1>')
write('en/stories/rice/reading/index.html', '<h1>Rice reading</h1>')
write('en/stories/rice/rice-en.html', '<h1>Rice copy</h1>')
write('km/removed/index.html', '<h1>Removed (km)</h1>')
write('en/removed/index.html', '<h1>Removed (en)</h1>')
write('km/unavailable/index.html', '<h1>Unavailable (km)</h1>')
write('en/unavailable/index.html', '<h1>Unavailable (en)</h1>')
write('km/stories/index.html', `<ul>${card('rice')}${card('well')}</ul>`)
write('km/about/index.html', `<p>${card('rice')} is quoted here but the report does not list this page</p>`)
write('pagefind/fragment/km_rice1.pf_fragment', 'fragment')
// A large archive's index is in parts (searchParts.ts): her English fragment is in the third.
write('pagefind-part-3/fragment/en_rice1.pf_fragment', 'fragment')
write('media/0a1b2c.mp3', 'her voice')
write(
  'sitemap.xml',
  '<urlset>\n  <url><loc>https://example.org/km/stories/rice/</loc></url>\n  <url><loc>https://example.org/km/stories/</loc></url>\n</urlset>\n',
)
const built = {
  rice: {
    pages: [
      { path: '/km/stories/rice/', language: 'km' as const },
      { path: '/en/stories/rice/reading/', language: 'en' as const },
      { path: '/en/stories/rice/rice-en.html', language: 'en' as const },
    ],
    lists: ['/km/stories/'],
    sitemap: ['https://example.org/km/stories/rice/'],
    fragments: ['km_rice1.pf_fragment', 'en_rice1.pf_fragment'],
    media: ['/media/0a1b2c.mp3'],
  },
}
let refused = nothingRefused
const app = liveSiteApp({ root: () => root, refused: () => refused })
const get = async (path: string) => {
  const response = await app.request(path)
  return { status: response.status, text: await response.text() }
}
const incrementRoot = mkdtempSync(join(tmpdir(), 'live-app-added-'))
afterAll(() => {
  rmSync(root, { recursive: true, force: true })
  rmSync(incrementRoot, { recursive: true, force: true })
})

describe('the live site answering for a withdrawn story', () => {
  it('serves everything as built while nothing is withdrawn', async () => {
    expect((await get('/km/stories/rice/')).text).toContain('Rice story')
    expect((await get('/km/stories/')).text).toContain('data-story="rice"')
    expect((await get('/pagefind/fragment/km_rice1.pf_fragment')).status).toBe(200)
    expect((await get('/pagefind-part-3/fragment/en_rice1.pf_fragment')).status).toBe(200)
    expect((await get('/media/0a1b2c.mp3')).text).toBe('her voice')
  })

  it('shows the neutral page, in its language, at every address of its pages', async () => {
    refused = refusedOutput(built, new Map([['rice', 'withdrawn']]))
    for (const path of ['/km/stories/rice/', '/km/stories/rice', '/km/stories/rice/index.html', '/km/stories//rice/'])
      expect(await get(path), path).toEqual({ status: 200, text: '<h1>Removed (km)</h1>' })
    expect((await get('/en/stories/rice/reading/')).text).toBe('<h1>Removed (en)</h1>')
    expect((await get('/en/stories/rice/rice-en.html')).text).toBe('<h1>Removed (en)</h1>')
  })

  it('says only that it is no longer available when she did not withdraw it (its approved text changed, its consent is due)', async () => {
    refused = refusedOutput(built, new Map([['rice', 'unavailable']]))
    expect(await get('/km/stories/rice/')).toEqual({ status: 200, text: '<h1>Unavailable (km)</h1>' })
    expect((await get('/en/stories/rice/reading/')).text).toBe('<h1>Unavailable (en)</h1>')
  })

  it('refuses its recording at once', async () => {
    refused = refusedOutput(built, new Map([['rice', 'withdrawn']]))
    expect((await get('/media/0a1b2c.mp3')).status).toBe(404)
  })

  it('cuts its card from the pages the report names, refuses its fragments and drops it from the sitemap', async () => {
    refused = refusedOutput(built, new Map([['rice', 'withdrawn']]))
    expect((await get('/km/stories/')).text).toBe(`<ul>${card('well')}</ul>`)
    expect((await get('/km/about/')).text).toContain('data-story="rice"')
    expect((await get('/pagefind/fragment/km_rice1.pf_fragment')).status).toBe(404)
    expect((await get('/pagefind-part-3/fragment/en_rice1.pf_fragment')).status).toBe(404)
    const sitemap = (await get('/sitemap.xml')).text
    expect(sitemap).not.toContain('/km/stories/rice/')
    expect(sitemap).toContain('/km/stories/</loc>')
  })
})

describe('the live site answering for a story taken off and published again (a corrected text)', () => {
  it('serves her new text from its increment, and nothing of her earlier text that the new one does not hold', async () => {
    const writeAdded = (path: string, text: string) => {
      mkdirSync(dirname(join(incrementRoot, path)), { recursive: true })
      writeFileSync(join(incrementRoot, path), text)
    }
    writeAdded('en/stories/rice/reading/index.html', '<h1>Rice reading, corrected</h1>')
    writeAdded('pagefind/fragment/en_rice2.pf_fragment', 'corrected fragment')
    // Her corrected text is in English only, without a recording.
    const corrected = {
      pages: [{ path: '/en/stories/rice/reading/', language: 'en' as const }],
      lists: ['/km/stories/'],
      sitemap: ['https://example.org/en/stories/rice/'],
      fragments: ['en_rice2.pf_fragment'],
      media: [],
    }
    const report: IncrementReport = {
      outDir: incrementRoot,
      added: [
        {
          id: 'testimony-rice',
          slug: 'rice',
          story: corrected,
          searchLanguages: ['en'],
          cards: { '/km/stories/': card('rice').replace('rice card', 'rice card, corrected') },
          places: {},
        },
      ],
      problems: [],
      milliseconds: { load: 0, astro: 0, search: 0, total: 0 },
    }
    const additions = storyAdditions()
    const served = { startedAt: 1_000, onSite: () => true, shown: cardsByPage(built), slugOf: () => undefined, replaceable: () => true }
    expect(additions.add(report, 2_000, served)).toEqual(['testimony-rice'])
    const again = refusedOutput(built, new Map([['rice', 'unavailable']]), new Map([['rice', { story: corrected, republished: true }]]))
    const live = liveSiteApp({ root: () => root, refused: () => again, additions: additions.all, addedFile: additions.file })
    const ask = async (path: string) => {
      const response = await live.request(path)
      return { status: response.status, text: await response.text() }
    }
    expect((await ask('/en/stories/rice/reading/')).text).toBe('<h1>Rice reading, corrected</h1>')
    expect((await ask('/km/stories/rice/')).text).toBe('<h1>Unavailable (km)</h1>')
    expect((await ask('/km/stories/')).text).toBe(`<ul>${card('rice').replace('rice card', 'rice card, corrected')}${card('well')}</ul>`)
    expect((await ask('/pagefind/fragment/km_rice1.pf_fragment')).status).toBe(404)
    expect((await ask('/pagefind-additions/rice/fragment/en_rice2.pf_fragment')).text).toBe('corrected fragment')
    expect((await ask('/media/0a1b2c.mp3')).status).toBe(404)
    expect(JSON.parse((await ask('/pagefind/additions.json')).text)).toEqual({ en: ['/pagefind-additions/rice/'] })
    const sitemap = (await ask('/sitemap.xml')).text
    expect(sitemap).not.toContain('/km/stories/rice/')
    expect(sitemap.split('/en/stories/rice/</loc>').length - 1).toBe(1)
  })
})
