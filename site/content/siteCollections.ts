// The site's content as Astro live content collections (site/src/live.config.ts): one collection per
// concept of SiteContent, each with its zod schema and its entries' ids; and the way back, from what
// the pages read of the collections to one SiteContent, checked again by its schema.
import { z } from 'zod'
import { calendarDay, HintedError, parseOrExplain } from '../../core/index.ts'
import { ceremony } from './ceremony.ts'
import { glossaryTerm } from './glossaryTerm.ts'
import { lesson } from './lesson.ts'
import { removedStory } from './removedStory.ts'
import { siteContent, siteStory, type SiteContent } from './siteContent.ts'
import { siteSettings } from './siteSettings.ts'
import { supportService } from './supportService.ts'
import { theme } from './theme.ts'

/** The collections that hold a list of SiteContent, in its order. */
export const listedCollections = ['services', 'themes', 'ceremonies', 'lessons', 'glossary', 'stories', 'removed'] as const
export type ListedCollection = (typeof listedCollections)[number]

const entryCount = z.number().int().min(0)
const countsShape = {
  services: entryCount,
  themes: entryCount,
  ceremonies: entryCount,
  lessons: entryCount,
  glossary: entryCount,
  stories: entryCount,
  removed: entryCount,
} satisfies Record<ListedCollection, typeof entryCount>

/**
 * The one entry of the `site` collection: the site's own words, the day consent was read as of, and
 * how many entries each list holds (an empty collection is not asked for, since Astro warns of it
 * as if of a mistake in the configuration; and the pages can tell that they read every entry).
 */
export const siteEntry = z.strictObject({
  today: calendarDay,
  settings: siteSettings,
  counts: z.strictObject(countsShape),
})
export type SiteEntry = z.infer<typeof siteEntry>

export const collectionSchemas = {
  site: siteEntry,
  services: supportService,
  themes: theme,
  ceremonies: ceremony,
  lessons: lesson,
  glossary: glossaryTerm,
  stories: siteStory,
  removed: removedStory,
}
export type CollectionName = keyof typeof collectionSchemas
/** The id of the `site` collection's one entry. */
export const siteEntryId = 'site'

/** Each collection's entries, as its loader answers them. */
export type CollectionEntries = { [K in CollectionName]: Array<{ id: string; data: z.infer<(typeof collectionSchemas)[K]> }> }

/** Each collection's entries of this content; stories and removed stories by address, the rest by id. */
export function collectionEntries(content: SiteContent): CollectionEntries {
  const counts = Object.fromEntries(listedCollections.map((name) => [name, content[name].length]))
  return {
    site: [{ id: siteEntryId, data: siteEntry.parse({ today: content.today, settings: content.settings, counts }) }],
    services: entriesOf('services', content.services, (service) => service.id),
    themes: entriesOf('themes', content.themes, (item) => item.id),
    ceremonies: entriesOf('ceremonies', content.ceremonies, (item) => item.id),
    lessons: entriesOf('lessons', content.lessons, (item) => item.id),
    glossary: entriesOf('glossary', content.glossary, (term) => term.id),
    stories: entriesOf('stories', content.stories, (story) => story.slug),
    removed: entriesOf('removed', content.removed, (removed) => removed.slug),
  }
}

// Astro's store keeps one entry per id: a second would replace the first without a word.
function entriesOf<T>(collection: CollectionName, items: ReadonlyArray<T>, idOf: (item: T) => string) {
  const ids = new Set<string>()
  return items.map((data) => {
    const id = idOf(data)
    if (ids.has(id))
      throw new HintedError(
        `Two entries of the site's "${collection}" collection have the id "${id}".`,
        'each document of the archive needs its own id (and each public story its own address); correct the archive and build again.',
      )
    ids.add(id)
    return { id, data }
  })
}

/** The content again, from the `site` entry and the data of each list's entries as the pages read them. */
export function siteContentOf(site: SiteEntry, lists: ReadonlyMap<ListedCollection, ReadonlyArray<unknown>>): SiteContent {
  const hint = "build the site with npm run build (or npm run dev), which hand the loaded content to the site's content loader."
  const listed = listedCollections.map((name) => {
    const items = lists.get(name) ?? []
    if (items.length !== site.counts[name])
      throw new HintedError(
        `The site's "${name}" collection holds ${items.length} entries; its content loader put ${site.counts[name]} there.`,
        hint,
      )
    return [name, items] as const
  })
  return parseOrExplain(
    siteContent,
    { today: site.today, settings: site.settings, ...Object.fromEntries(listed) },
    "the site's collections",
    hint,
  )
}
