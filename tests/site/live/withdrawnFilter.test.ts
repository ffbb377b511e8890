// The live site's fast path over the build's report: what of a withdrawn story is refused, and a
// list page or the sitemap without its entries.
import { describe, expect, it } from 'vitest'
import type { BuiltStory } from '../../../site/build/siteBuildReport.ts'
import { refusedOutput, withoutCards, withoutSitemapEntries } from '../../../site/live/withdrawnFilter.ts'

const story = (slug: string, lists: string[]): BuiltStory => ({
  pages: [
    { path: `/km/stories/${slug}/`, language: 'km' },
    { path: `/en/stories/${slug}/reading/`, language: 'en' },
    { path: `/en/stories/${slug}/${slug}-en.html`, language: 'en' },
  ],
  lists,
  sitemap: [`https://example.org/km/stories/${slug}/`],
  fragments: [`km_${slug}.pf_fragment`],
  media: [],
})
const built = { page: story('page', ['/km/stories/', '/km/']), kept: story('kept', ['/km/stories/', '/km/stories/page/2/']) }

describe('what of a withdrawn story the live site refuses', () => {
  it('is what the build reported of it: its pages with their language and why, the pages showing its card, its sitemap entries and fragments', () => {
    const refused = refusedOutput(built, new Map([['page', 'withdrawn']]))
    expect([...refused.slugs]).toEqual(['page'])
    expect(refused.pages.get('/km/stories/page/')).toEqual({ language: 'km', reason: 'withdrawn' })
    expect(refused.pages.get('/en/stories/page/page-en.html')).toEqual({ language: 'en', reason: 'withdrawn' })
    expect(refused.pages.has('/km/stories/page/2/')).toBe(false)
    expect([...refused.lists]).toEqual(['/km/stories/', '/km/'])
    expect([...refused.sitemap]).toEqual(['https://example.org/km/stories/page/'])
    expect([...refused.fragments]).toEqual(['km_page.pf_fragment'])
  })

  it('is, for a story published again since, only what the build made of her earlier text and the new increment does not hold', () => {
    const corrected: BuiltStory = {
      pages: [{ path: '/en/stories/page/reading/', language: 'en' }],
      lists: ['/km/stories/'],
      sitemap: ['https://example.org/en/stories/page/'],
      fragments: ['en_page-corrected.pf_fragment'],
      media: [],
    }
    const refused = refusedOutput(built, new Map([['page', 'withdrawn']]), new Map([['page', { story: corrected, republished: true }]]))
    expect([...refused.slugs]).toEqual([])
    expect([...refused.replaced]).toEqual(['page'])
    // Her new text has no Khmer: its page says only that it is no longer available.
    expect(refused.pages.get('/km/stories/page/')).toEqual({ language: 'km', reason: 'unavailable' })
    expect(refused.pages.has('/en/stories/page/reading/')).toBe(false)
    expect([...refused.fragments]).toEqual(['km_page.pf_fragment'])
    expect([...refused.lists]).toEqual(['/km/stories/', '/km/'])
    expect([...refused.sitemap]).toEqual(['https://example.org/km/stories/page/'])

    // An increment from before she was taken off is refused with the rest.
    const off = refusedOutput(built, new Map([['page', 'withdrawn']]), new Map([['page', { story: corrected, republished: false }]]))
    expect([...off.slugs]).toEqual(['page'])
    expect([...off.fragments]).toEqual(['km_page.pf_fragment', 'en_page-corrected.pf_fragment'])
    expect(off.pages.get('/en/stories/page/reading/')).toEqual({ language: 'en', reason: 'withdrawn' })
  })

  it('is nothing of a story the build did not make (it was never on the site it serves)', () => {
    const refused = refusedOutput(built, new Map([['elsewhere', 'unavailable']]))
    expect(refused.pages.size + refused.lists.size + refused.sitemap.size + refused.fragments.size).toBe(0)
  })
})

describe('a page without a withdrawn story', () => {
  it('loses every card of the story, and only those, whatever the cards hold', () => {
    const list = [
      '<ul><li class="story-card" data-story="page"><h2><a href="/km/stories/page/">Gone</a></h2><p class="meta"><span>x</span></p></li>',
      '<li class="story-card" data-story="page-two"><h2>Kept, a longer slug</h2></li>',
      '<li class="story-card" data-story="page"><h3>Gone again</h3></li></ul>',
    ].join('')
    expect(withoutCards(list, new Set(['page']))).toBe(
      '<ul><li class="story-card" data-story="page-two"><h2>Kept, a longer slug</h2></li></ul>',
    )
  })

  it('leaves the sitemap without its addresses, while the list pages stay', () => {
    const sitemap = [
      '<urlset>',
      '  <url><loc>https://example.org/km/stories/page/</loc></url>',
      '  <url><loc>https://example.org/km/stories/page/2/</loc></url>',
      '  <url><loc>https://example.org/km/stories/kept/</loc></url>',
      '</urlset>',
    ].join('\n')
    const left = withoutSitemapEntries(sitemap, new Set(['https://example.org/km/stories/page/']))
    expect(left).not.toContain('/km/stories/page/</loc>')
    expect(left).toContain('/km/stories/page/2/</loc>')
    expect(left).toContain('/km/stories/kept/</loc>')
  })
})
