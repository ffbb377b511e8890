// A Khmer locale for the Sanity Studio itself: the buttons and labels a therapist meets every day.
// Sanity ships no Khmer; keys not given here fall back to English.
import { defineLocale } from 'sanity'
import { khmerLocaleId } from './archiveText.ts'
import { khmerStructureText, khmerStudioText, khmerValidationText } from './khmerSanityText.ts'

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
    { namespace: 'studio', resources: khmerStudioText },
    { namespace: 'structure', resources: khmerStructureText },
    { namespace: 'validation', resources: khmerValidationText },
    { namespace: 'archive', resources: archiveSchemaText[khmerLocaleId] },
  ],
})
