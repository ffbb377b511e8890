// The Studio's Publish for testimonies: the default action, disabled with the reasons in plain
// words (in the user's language) unless the consent core allows the testimony as it stands. It
// marks the testimony published and publishes it in one transaction, where the lake (or Sanity)
// checks the consent again; a refusal is shown and leaves the draft as it was.
import { useClient, type DocumentActionComponent, type DocumentActionProps } from 'sanity'
import { publicationRefusals, testimonyDocument } from '../../core/index.ts'
import { useArchiveText } from '../locale/index.ts'
import { publishActions } from '../workflow/index.ts'
import { useActionWrite } from './useActionWrite.ts'
import { useConsents } from './useConsents.ts'
import { todayIso } from './useStaff.ts'

export function consentPublishAction(original: DocumentActionComponent): DocumentActionComponent {
  const GatedPublish: DocumentActionComponent = (props: DocumentActionProps) => {
    const action = original(props)
    const consents = useConsents(props.id)
    const { t, language } = useArchiveText()
    const client = useClient({ apiVersion: '2025-02-19' })
    const { working, write } = useActionWrite()
    if (!action) return action
    const testimony = testimonyDocument.safeParse(props.draft ?? props.published)
    if (consents === null) return { ...action, disabled: true, title: t('publish.checking') }
    const reasons = testimony.success ? publicationRefusals(testimony.data, consents, todayIso(), language) : null
    if (reasons === null) return { ...action, disabled: true, title: t('publish.incomplete') }
    if (reasons.length > 0) return { ...action, disabled: true, title: reasons.join(' ') }
    return {
      ...action,
      disabled: action.disabled || working || !props.draft,
      onHandle: () => {
        void write(async () => {
          await client.action([...publishActions(props.id)])
          return t('publish.done')
        })
      },
    }
  }
  GatedPublish.action = 'publish'
  GatedPublish.displayName = 'ConsentPublishAction'
  return GatedPublish
}
