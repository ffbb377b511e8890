// The published consent records of a testimony, kept current by a listener, for the Studio's
// publish, approval and withdrawal actions and its consent badge. One fetch and one listener per
// open testimony, shared by all of them, closed when the last one stops watching.
import { useCallback, useSyncExternalStore } from 'react'
import { useClient, type SanityClient } from 'sanity'
import { consentDocument, type ConsentDocument, publishedOnly, apiVersion } from '../../core/index.ts'

const consentsQuery = `*[_type == "consentRecord" && testimony._ref == $id && ${publishedOnly}]`

interface ConsentFeed {
  consents: ConsentDocument[] | null
  watchers: Set<() => void>
  load(): Promise<void>
  stop(): void
}
const feeds = new Map<string, ConsentFeed>()

function openFeed(client: SanityClient, publishedId: string): ConsentFeed {
  const feed: ConsentFeed = { consents: null, watchers: new Set(), load: async () => {}, stop: () => {} }
  const publish = (consents: ConsentDocument[]) => {
    feed.consents = consents
    for (const watcher of feed.watchers) watcher()
  }
  // When the records can not be read, the feed stays as it was (unknown at first), so the actions
  // stay closed rather than act as if she had no consent; the next change reads again.
  const load = () =>
    client
      .fetch<unknown[]>(consentsQuery, { id: publishedId }, { perspective: 'raw' })
      .then((documents) =>
        publish(
          documents.flatMap((d) => {
            const parsed = consentDocument.safeParse(d)
            return parsed.success ? [parsed.data] : []
          }),
        ),
      )
      .catch(() => {})
  feed.load = load
  void load()
  const subscription = client.listen(consentsQuery, { id: publishedId }, { visibility: 'query' }).subscribe(() => void load())
  feed.stop = () => subscription.unsubscribe()
  return feed
}

export function useConsents(publishedId: string): ConsentDocument[] | null {
  const client = useClient({ apiVersion })
  const key = `${client.config().dataset}:${publishedId}`
  const watch = useCallback(
    (onChange: () => void) => {
      const feed = feeds.get(key) ?? openFeed(client, publishedId)
      feeds.set(key, feed)
      feed.watchers.add(onChange)
      return () => {
        feed.watchers.delete(onChange)
        if (feed.watchers.size > 0) return
        feed.stop()
        feeds.delete(key)
      }
    },
    [client, key, publishedId],
  )
  return useSyncExternalStore(watch, () => feeds.get(key)?.consents ?? null)
}

/**
 * Reads a testimony's consent records again at once, for an action that has just changed them: the
 * badge, the status and the buttons then follow within a moment, not when the listener's event comes.
 */
export function refreshConsents(dataset: string | undefined, publishedId: string): Promise<void> {
  return feeds.get(`${dataset}:${publishedId}`)?.load() ?? Promise.resolve()
}
