// The published consent records of a testimony, kept current by a listener, for the Studio's
// publish action and consent badge.
import { useEffect, useState } from 'react'
import { useClient } from 'sanity'
import { consentDocument, type ConsentDocument } from '../../core/index.ts'

const consentsQuery = '*[_type == "consentRecord" && testimony._ref == $id && !(_id in path("drafts.**"))]'

export function useConsents(publishedId: string): ConsentDocument[] | null {
  const client = useClient({ apiVersion: '2025-02-19' })
  const [consents, setConsents] = useState<ConsentDocument[] | null>(null)
  useEffect(() => {
    const load = () =>
      client
        .fetch<unknown[]>(consentsQuery, { id: publishedId }, { perspective: 'raw' })
        .then((documents) =>
          setConsents(
            documents.flatMap((d) => {
              const parsed = consentDocument.safeParse(d)
              return parsed.success ? [parsed.data] : []
            }),
          ),
        )
        .catch(() => setConsents([]))
    void load()
    const subscription = client.listen(consentsQuery, { id: publishedId }, { visibility: 'query' }).subscribe(() => void load())
    return () => subscription.unsubscribe()
  }, [client, publishedId])
  return consents
}
