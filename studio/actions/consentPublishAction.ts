// The Studio's Publish for testimonies: the default action, disabled with the reasons in plain
// words (in the user's language) unless the consent core allows the testimony as it stands. On
// publishing, the workflow state becomes "published". The lake checks the consent again on write.
import { useDocumentOperation, type DocumentActionComponent, type DocumentActionProps } from 'sanity'
import { publicationRefusals, testimonyDocument } from '../../core/index.ts'
import { useArchiveText } from '../locale/index.ts'
import { useConsents } from './useConsents.ts'
import { todayIso } from './useStaff.ts'

export function consentPublishAction(original: DocumentActionComponent): DocumentActionComponent {
  const GatedPublish: DocumentActionComponent = (props: DocumentActionProps) => {
    const action = original(props)
    const consents = useConsents(props.id)
    const { t, language } = useArchiveText()
    const { patch } = useDocumentOperation(props.id, props.type)
    if (!action) return action
    const testimony = testimonyDocument.safeParse(props.draft ?? props.published)
    if (consents === null) return { ...action, disabled: true, title: t('publish.checking') }
    const reasons = testimony.success ? publicationRefusals(testimony.data, consents, todayIso(), language) : null
    if (reasons === null) return { ...action, disabled: true, title: t('publish.incomplete') }
    if (reasons.length > 0) return { ...action, disabled: true, title: reasons.join(' ') }
    return {
      ...action,
      onHandle: () => {
        if (props.draft && props.draft.workflowState !== 'published') patch.execute([{ set: { workflowState: 'published' } }])
        action.onHandle?.()
      },
    }
  }
  GatedPublish.action = 'publish'
  GatedPublish.displayName = 'ConsentPublishAction'
  return GatedPublish
}
