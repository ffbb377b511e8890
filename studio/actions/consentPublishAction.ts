// The Studio's Publish for testimonies: the default action, disabled with the reasons in plain
// words unless the consent core allows the testimony as it stands. The lake checks again on write.
import { useEffect, useState } from 'react'
import { useClient, type DocumentActionComponent, type DocumentActionProps } from 'sanity'
import { consentDocument, publicationRefusals, testimonyDocument, type ConsentDocument } from '../../core/index.ts'

const consentsQuery = '*[_type == "consentRecord" && testimony._ref == $id && !(_id in path("drafts.**"))]'

function useConsents(publishedId: string): ConsentDocument[] | null {
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

export function consentPublishAction(original: DocumentActionComponent): DocumentActionComponent {
  const GatedPublish: DocumentActionComponent = (props: DocumentActionProps) => {
    const action = original(props)
    const consents = useConsents(props.id)
    if (!action) return action
    const testimony = testimonyDocument.safeParse(props.draft ?? props.published)
    if (consents === null) return { ...action, disabled: true, title: 'Checking the survivor’s consent…' }
    const today = new Date().toISOString().slice(0, 10)
    const reasons = testimony.success ? publicationRefusals(testimony.data, consents, today) : ['The testimony is incomplete.']
    if (reasons.length === 0) return action
    return { ...action, disabled: true, title: reasons.join(' ') }
  }
  GatedPublish.action = 'publish'
  GatedPublish.displayName = 'ConsentPublishAction'
  return GatedPublish
}
