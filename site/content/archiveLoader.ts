// The site's Astro content loader: it fills a collection with the content the build (or the dev
// server) read through the consent gate (loadSiteContent, once, as of the caller's day) and handed
// over (contentBridge). It never reads the archive itself: no token, no query, no second gate.
import type { Loader } from 'astro/loaders'
import { collectionEntries, type CollectionName } from './siteCollections.ts'
import { hasSiteContent, handedOverContent } from './contentBridge.ts'

export function archiveLoader(collection: CollectionName): Loader {
  return {
    name: 'testimony-archive',
    load: ({ store, logger }) => {
      // Each run of Astro fills its own new store (buildFolders): nothing of an earlier build is kept.
      store.clear()
      // `astro check` and `astro sync` read the collections' schemas only: they get no content.
      if (!hasSiteContent()) {
        logger.debug(`no content handed over: the "${collection}" collection stays empty`)
        return Promise.resolve()
      }
      // Checked by the site's schema when handed over; the pages check it again when they read it.
      const entries: ReadonlyArray<{ id: string; data: Record<string, unknown> }> = collectionEntries(handedOverContent())[collection]
      for (const entry of entries) store.set(entry)
      return Promise.resolve()
    },
  }
}
