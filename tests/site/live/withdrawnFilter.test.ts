// The live site's fast path: which addresses belong to a withdrawn story.
import { describe, expect, it } from 'vitest'
import { withdrawnStoryAt, withoutWithdrawnCards, withoutWithdrawnUrls } from '../../../site/live/withdrawnFilter.ts'

describe('the addresses of a withdrawn story', () => {
  it('are its page, its reading view and its one-file copy, in both languages', () => {
    const withdrawn = new Set(['rice-fields'])
    expect(withdrawnStoryAt('/km/stories/rice-fields/', withdrawn)).toEqual({ lang: 'km', slug: 'rice-fields' })
    expect(withdrawnStoryAt('/en/stories/rice-fields/reading/', withdrawn)).toEqual({ lang: 'en', slug: 'rice-fields' })
    expect(withdrawnStoryAt('/en/stories/rice-fields/rice-fields-en.html', withdrawn)).toEqual({ lang: 'en', slug: 'rice-fields' })
    expect(withdrawnStoryAt('/en/stories/other-story/', withdrawn)).toBeNull()
  })

  it('do not include the pages of the story list, even for a story whose address is "page"', () => {
    const withdrawn = new Set(['page'])
    expect(withdrawnStoryAt('/km/stories/page/2/', withdrawn)).toBeNull()
    expect(withdrawnStoryAt('/km/stories/page/', withdrawn)).toEqual({ lang: 'km', slug: 'page' })
  })

  it('leave the lists and the sitemap, while the pages of the list stay', () => {
    const withdrawn = new Set(['page'])
    const list =
      '<ul><li class="story-card" data-story="page"><h2>Gone</h2></li><li class="story-card" data-story="kept"><h2>Kept</h2></li></ul>'
    expect(withoutWithdrawnCards(list, withdrawn)).toBe('<ul><li class="story-card" data-story="kept"><h2>Kept</h2></li></ul>')
    const sitemap = [
      '<urlset>',
      '<url><loc>https://example.org/km/stories/page/</loc></url>',
      '<url><loc>https://example.org/km/stories/page/2/</loc></url>',
      '<url><loc>https://example.org/km/stories/kept/</loc></url>',
      '</urlset>',
    ].join('\n')
    const left = withoutWithdrawnUrls(sitemap, withdrawn)
    expect(left).not.toContain('/km/stories/page/</loc>')
    expect(left).toContain('/km/stories/page/2/</loc>')
    expect(left).toContain('/km/stories/kept/</loc>')
  })
})
