// The look-ups the pages share over the site's content: pure, from the content alone.
import { describe, expect, it } from 'vitest'
import { siteIndexOf } from '../../site/content/siteIndex.ts'
import { fictionalContent } from './siteContentFixture.ts'

const slugs = (stories: ReadonlyArray<{ slug: string }>) => stories.map((story) => story.slug)

describe("the site's look-ups", () => {
  it('narrow the story list by theme, by the language a story can be read in, or both', () => {
    const index = siteIndexOf(fictionalContent())
    expect(slugs(index.storiesOf({ themeId: null, told: null }))).toEqual(['a-story', 'b-story', 'c-story'])
    expect(slugs(index.storiesOf({ themeId: 'theme-marriage', told: null }))).toEqual(['a-story', 'b-story'])
    expect(slugs(index.storiesOf({ themeId: null, told: 'en' }))).toEqual(['b-story', 'c-story'])
    expect(slugs(index.storiesOf({ themeId: 'theme-marriage', told: 'en' }))).toEqual(['b-story'])
    expect(index.storiesOf({ themeId: 'theme-none', told: 'km' })).toEqual([])
  })

  it("find a story's themes, ceremony and lessons, and a lesson's stories that are public", () => {
    const index = siteIndexOf(fictionalContent())
    const a = index.story('a-story')
    const b = index.story('b-story')
    if (!a || !b) throw new Error('a story is missing')
    expect(index.themesOf(b).map((theme) => theme.slug)).toEqual(['forced-marriage', 'forced-labour'])
    expect(index.ceremonyOf(a)?.id).toBe('ceremony-1')
    expect(index.ceremonyOf(b)).toBeNull()
    expect(slugs(index.storiesOfCeremony('ceremony-1'))).toEqual(['a-story'])
    expect(index.lessonsOf(b).map((lesson) => lesson.slug)).toEqual(['lesson-one'])
    expect(index.lessonsOf(a)).toEqual([])
    // A lesson may name a story that is not public (any more): only the public ones are shown.
    expect(slugs(index.storiesOfLesson(['b-story', 'gone-story']))).toEqual(['b-story'])
    expect(index.story('withdrawn-story')).toBeNull()
  })

  it('show the hotline the settings name, or the first service when they name none', () => {
    expect(siteIndexOf(fictionalContent()).hotline?.id).toBe('service-hotline')
    const unnamed = fictionalContent({ settings: { title: { en: 'Archive (fictional)' } } })
    expect(siteIndexOf(unnamed).hotline?.id).toBe('service-clinic')
    expect(siteIndexOf(fictionalContent({ services: [] })).hotline).toBeNull()
  })
})
