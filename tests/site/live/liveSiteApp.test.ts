// The live site's HTTP layer over a small built folder, in process: a withdrawn story's pages, asked
// for in any of the ways a static host answers them, show the neutral page; its cards leave exactly
// the pages the report names; its fragments and its recording are refused; the sitemap drops it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { liveSiteApp } from '../../../site/live/liveSiteApp.ts'
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
    fragments: ['km_rice1.pf_fragment'],
    media: ['/media/0a1b2c.mp3'],
  },
}
let refused = nothingRefused
const app = liveSiteApp({ root: () => root, refused: () => refused })
const get = async (path: string) => {
  const response = await app.request(path)
  return { status: response.status, text: await response.text() }
}
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('the live site answering for a withdrawn story', () => {
  it('serves everything as built while nothing is withdrawn', async () => {
    expect((await get('/km/stories/rice/')).text).toContain('Rice story')
    expect((await get('/km/stories/')).text).toContain('data-story="rice"')
    expect((await get('/pagefind/fragment/km_rice1.pf_fragment')).status).toBe(200)
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
    const sitemap = (await get('/sitemap.xml')).text
    expect(sitemap).not.toContain('/km/stories/rice/')
    expect(sitemap).toContain('/km/stories/</loc>')
  })
})
