// A badge on each testimony saying, at a glance, whether the survivor's consent allows it on the
// website as it stands; the reasons are in the publish button's tooltip.
import type { DocumentBadgeComponent } from 'sanity'
import { publicationRefusals, testimonyDocument } from '../../core/index.ts'
import { useArchiveText } from '../locale/index.ts'
import { useConsents } from './useConsents.ts'
import { todayIso } from './useStaff.ts'

export const consentBadge: DocumentBadgeComponent = (props) => {
  const consents = useConsents(props.id)
  const { t } = useArchiveText()
  const testimony = testimonyDocument.safeParse(props.draft ?? props.published)
  if (consents === null || !testimony.success) return null
  return publicationRefusals(testimony.data, consents, todayIso()).length > 0
    ? { label: t('badge.notPublishable'), title: t('badge.notPublishable.title'), color: 'warning' }
    : { label: t('badge.publishable'), title: t('badge.publishable.title'), color: 'success' }
}
