// The site's live content loader: it answers each collection with the content handed over (the
// same objects at every page's read, so the pages index them once), one entry by its id, and
// nothing at all when no content was handed over (astro check, astro sync).
import { afterEach, describe, expect, it } from 'vitest'
import { archiveLoader } from '../../site/content/archiveLoader.ts'
import { provideSiteContent } from '../../site/content/contentBridge.ts'
import { fictionalContent } from './siteContentFixture.ts'

const slot = Symbol.for('testimony-archive.siteContent')
afterEach(() => {
  Reflect.deleteProperty(globalThis, slot)
})

const entriesOf = async (loader: ReturnType<typeof archiveLoader>) => {
  const answer = await loader.loadCollection({ collection: 'stories' })
  if ('error' in answer) throw answer.error
  return answer.entries
}

describe("the site's live content loader", () => {
  it('answers a collection with the stories handed over, in their order, the same objects at each read', async () => {
    provideSiteContent(fictionalContent())
    const stories = archiveLoader('stories')
    const first = await entriesOf(stories)
    expect(first.map((entry) => entry.id)).toEqual(['a-story', 'b-story', 'c-story'])
    expect(await entriesOf(stories)).toBe(first)
  })

  it('answers one entry by its id, and none for an address it does not hold', async () => {
    provideSiteContent(fictionalContent())
    const stories = archiveLoader('stories')
    const found = await stories.loadEntry({ collection: 'stories', filter: { id: 'b-story' } })
    expect(found && 'id' in found ? found.id : null).toBe('b-story')
    expect(await stories.loadEntry({ collection: 'stories', filter: { id: 'no-such-story' } })).toBeUndefined()
  })

  it('answers with the new content once other content is handed over', async () => {
    provideSiteContent(fictionalContent())
    const stories = archiveLoader('stories')
    const before = await entriesOf(stories)
    provideSiteContent(fictionalContent({ stories: [] }))
    expect(await entriesOf(stories)).toEqual([])
    expect(before.length).toBe(3)
  })

  it('answers every collection empty when no content was handed over', async () => {
    expect(await entriesOf(archiveLoader('stories'))).toEqual([])
    expect(await archiveLoader('site').loadEntry({ collection: 'site', filter: { id: 'site' } })).toBeUndefined()
  })
})
