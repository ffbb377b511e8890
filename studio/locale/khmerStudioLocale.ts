// A Khmer locale for the Sanity Studio itself: the buttons and labels a therapist meets every day.
// Sanity ships no Khmer; keys not given here fall back to English.
import { defineLocale } from 'sanity'
import { khmerLocaleId } from './archiveText.ts'

const studio = {
  'common.dialog.cancel-button.text': 'បោះបង់',
  'common.dialog.confirm-button.text': 'បញ្ជាក់',
  'inputs.array.action.add-item': 'បន្ថែម',
  'inputs.reference.search-placeholder': 'វាយដើម្បីស្វែងរក',
  'new-document.button': 'បង្កើត',
  'new-document.title': 'បង្កើតឯកសារថ្មី',
  'search.placeholder': 'ស្វែងរក',
  'user-menu.action.sign-out': 'ចាកចេញ',
  'user-menu.locale-title': 'ភាសា',
  'form.validation.summary.errors-count_other': 'កំហុស {{count}}',
  'login.logged-out.title': 'អ្នកបានចាកចេញហើយ',
  'login.logged-out.session-expired': 'ការចូលរបស់អ្នកបានផុតកំណត់។ សូមចូលម្តងទៀត។',
  'login.logged-out.generic': 'ការចូលរបស់អ្នកលែងមានសុពលភាពទៀតហើយ។ សូមចូលម្តងទៀត។',
}

const structure = {
  'action.delete.label': 'លុប',
  'action.discard-changes.label': 'បោះបង់ការកែប្រែ',
  'action.duplicate.label': 'ចម្លង',
  'action.publish.label': 'ផ្សព្វផ្សាយ',
  'action.publish.draft.label': 'ផ្សព្វផ្សាយ',
  'action.unpublish.label': 'ឈប់ផ្សព្វផ្សាយ',
  'default-definition.content-title': 'មាតិកា',
  'document-view.form-view.form-title-fallback': 'គ្មានចំណងជើង',
  'pane-header.create-new-button.tooltip': 'បង្កើតឯកសារថ្មី',
  'panes.document-list-pane.search-input.placeholder': 'ស្វែងរកក្នុងបញ្ជី',
  'panes.document-operation-results.operation-success_publish': '<Strong>{{title}}</Strong> ត្រូវបានផ្សព្វផ្សាយ',
  'status-bar.document-status-pulse.status.saved.text': 'បានរក្សាទុក',
}

/** Titles the schema refers to by key (field groups), in both languages. */
export const archiveSchemaText = {
  'en-US': { 'group.testimony': 'Her testimony', 'group.public': 'Public version', 'group.context': 'Context' },
  [khmerLocaleId]: { 'group.testimony': 'សក្ខីកម្មរបស់គាត់', 'group.public': 'កំណែសាធារណៈ', 'group.context': 'បរិបទ' },
}

export const khmerStudioLocale = defineLocale({
  id: khmerLocaleId,
  title: 'ខ្មែរ',
  // Cambodia's week starts on Monday; the weekend is Saturday and Sunday.
  weekInfo: { firstDay: 1, weekend: [6, 7] },
  bundles: [
    { namespace: 'studio', resources: studio },
    { namespace: 'structure', resources: structure },
    { namespace: 'archive', resources: archiveSchemaText[khmerLocaleId] },
  ],
})
