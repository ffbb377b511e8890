// The Studio's Publish for testimonies: the default action, disabled with the reasons in plain
// words unless the consent core allows the testimony as it stands. The lake checks again on write.
import type { DocumentActionComponent, DocumentActionProps } from 'sanity'
import { publicationRefusals, testimonyDocument } from '../../core/index.ts'
import { useConsents } from './useConsents.ts'

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
