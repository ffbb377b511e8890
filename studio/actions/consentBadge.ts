// A badge on each testimony saying, at a glance, whether the survivor's consent allows it on the
// website as it stands; the reasons are in the publish button's tooltip.
import type { DocumentBadgeComponent } from 'sanity'
import { publicationRefusals, testimonyDocument } from '../../core/index.ts'
import { useConsents } from './useConsents.ts'

export const consentBadge: DocumentBadgeComponent = (props) => {
  const consents = useConsents(props.id)
  const testimony = testimonyDocument.safeParse(props.draft ?? props.published)
  if (consents === null || !testimony.success) return null
  const refused = publicationRefusals(testimony.data, consents, new Date().toISOString().slice(0, 10)).length > 0
  return refused
    ? { label: 'Consent: not publishable', title: 'The survivor’s consent does not allow this text on the website yet', color: 'warning' }
    : { label: 'Consent: publishable', title: 'The survivor approved this public text for the website', color: 'success' }
}
