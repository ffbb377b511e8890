// The site's content as Astro collections: what the loader puts in each collection, and the content
// the pages read back, whole and checked.
import { describe, expect, it } from 'vitest'
import { HintedError } from '../../core/index.ts'
import {
  collectionEntries,
  listedCollections,
  siteContentOf,
  siteEntry,
  type ListedCollection,
} from '../../site/content/siteCollections.ts'
import { fictionalContent, fictionalStory } from './siteContentFixture.ts'

const readBack = (entries: ReturnType<typeof collectionEntries>) =>
  new Map(listedCollections.map((name): [ListedCollection, unknown[]] => [name, entries[name].map((entry) => entry.data)]))

describe("the site's collections", () => {
  it('give back the very content the loader was handed, in its order', () => {
    const content = fictionalContent()
    const entries = collectionEntries(content)
    const [site] = entries.site
    if (!site) throw new Error('no site entry')
    expect(siteContentOf(siteEntry.parse(site.data), readBack(entries))).toEqual(content)
    expect(entries.stories.map((entry) => entry.id)).toEqual(['a-story', 'b-story', 'c-story'])
    expect(entries.removed.map((entry) => entry.id)).toEqual(['withdrawn-story'])
    expect(entries.themes.map((entry) => entry.id)).toEqual(['theme-marriage', 'theme-labour'])
  })

  it('count each list, so that an empty one need not be read and a missing entry is noticed', () => {
    const entries = collectionEntries(fictionalContent())
    const site = siteEntry.parse(entries.site[0]?.data)
    expect(site.counts).toMatchObject({ stories: 3, glossary: 0, removed: 1 })
    const short = readBack(entries)
    short.set('stories', short.get('stories')?.slice(1) ?? [])
    expect(() => siteContentOf(site, short)).toThrow(/"stories" collection holds 2 entries; its content loader put 3/)
  })

  it('refuse two stories at one address, which the store would keep only one of', () => {
    const twice = fictionalContent({ stories: [fictionalStory('same-story'), fictionalStory('same-story')] })
    expect(() => collectionEntries(twice)).toThrow(HintedError)
    expect(() => collectionEntries(twice)).toThrow(/"stories" collection have the id "same-story"/)
  })

  it('check what is read back by the site’s schema: a field the gate never lets through is refused', () => {
    const entries = collectionEntries(fictionalContent())
    const site = siteEntry.parse(entries.site[0]?.data)
    const lists = readBack(entries)
    lists.set('stories', [{ ...fictionalStory('a-story'), survivorName: 'not public' }, ...(lists.get('stories')?.slice(1) ?? [])])
    expect(() => siteContentOf(site, lists)).toThrow(/survivorName/)
  })
})
