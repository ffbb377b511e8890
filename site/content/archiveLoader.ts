// The site's Astro content loader: a live loader that answers each collection with the content the
// build (or the dev server) read through the consent gate (loadSiteContent, once, as of the caller's
// day) and handed over (contentBridge). It never reads the archive itself: no token, no query, no
// second gate. A live collection, not a build-time one: Astro writes no data store of it and bundles
// none into the pre-rendering chunks (that copy of every story's text cost a 20,000-story build
// minutes and gigabytes, and left the text in a file until the build's folder was removed).
import type { LiveLoader } from 'astro/loaders'
import { hasSiteContent, handedOverContent } from './contentBridge.ts'
import type { SiteContent } from './siteContent.ts'
import { collectionEntries, type CollectionName, type CollectionEntries } from './siteCollections.ts'

// The same entries for the same content: every page asks for them, and the pages index them once
// per handed-over content (site/src/siteData.ts), by the identity of what they read.
let answered: { content: SiteContent; entries: CollectionEntries } | null = null

function entriesNow<K extends CollectionName>(collection: K): CollectionEntries[K] {
  // `astro check` and `astro sync` read the collections' types only: they get no content.
  if (!hasSiteContent()) return []
  const content = handedOverContent()
  if (answered?.content !== content) answered = { content, entries: collectionEntries(content) }
  return answered.entries[collection]
}

export function archiveLoader<K extends CollectionName>(collection: K): LiveLoader<CollectionEntries[K][number]['data'], { id: string }> {
  return {
    name: 'testimony-archive',
    loadCollection: () => Promise.resolve({ entries: entriesNow(collection) }),
    loadEntry: ({ filter }) => Promise.resolve(entriesNow(collection).find((entry) => entry.id === filter.id)),
  }
}
