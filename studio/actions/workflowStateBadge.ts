// A badge on each testimony with its workflow state, in the user's language. The state field is
// read-only in the form; the badge shows at once when an edit of the approved text sends it back
// for read-back (the consent core's rule), before the lake has stored it so.
import type { DocumentBadgeComponent } from 'sanity'
import { useArchiveText } from '../locale/index.ts'
import { shownState } from '../workflow/index.ts'

export const workflowStateBadge: DocumentBadgeComponent = (props) => {
  const { t } = useArchiveText()
  const state = shownState(props.draft, props.published)
  if (!state) return null
  return { label: t(`state.${state}`), color: state === 'withdrawn' ? 'danger' : state === 'published' ? 'success' : 'primary' }
}
