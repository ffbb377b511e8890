// What a survivor can consent to, each scope on its own (consent.md), and which scopes a given
// use of her testimony needs.
import type { Language } from './languages.ts'

export const consentScopes = [
  'ceremonyReading',
  'website',
  'firstName',
  'photograph',
  'voiceRecording',
  'teaching',
  'research',
  'eccc',
] as const
export type ConsentScope = (typeof consentScopes)[number]

export const scopeTitles: Record<ConsentScope, Record<Language, string>> = {
  ceremonyReading: { en: 'Reading at the ceremony', km: 'ការអានក្នុងពិធី' },
  website: { en: 'Publication on the website (anonymous)', km: 'ការផ្សព្វផ្សាយលើគេហទំព័រ (អនាមិក)' },
  firstName: { en: 'Publication with first name', km: 'ការផ្សព្វផ្សាយជាមួយនាមខ្លួន' },
  photograph: { en: 'Photograph', km: 'រូបថត' },
  voiceRecording: { en: 'Voice recording', km: 'ការថតសំឡេង' },
  teaching: { en: 'School and university teaching', km: 'ការបង្រៀននៅសាលារៀន និងសាកលវិទ្យាល័យ' },
  research: { en: 'Research', km: 'ការស្រាវជ្រាវ' },
  eccc: { en: 'Sharing with the ECCC', km: 'ការចែករំលែកជាមួយ អ.វ.ត.ក' },
}

/** What the testimony is used for. */
export const consentUses = ['ceremony', 'website', 'teaching', 'research', 'eccc'] as const
export type ConsentUse = (typeof consentUses)[number]

/** How the survivor is named where it is used. */
export const publicationForms = ['anonymous', 'firstName'] as const
export type PublicationForm = (typeof publicationForms)[number]

/** Media that can accompany a testimony, each needing its own scope. */
export const consentMedia = ['photograph', 'voiceRecording'] as const
export type ConsentMedium = (typeof consentMedia)[number]

/**
 * Which text a use reads: the ceremony and the ECCC receive the survivor's own full testimony;
 * every public use receives the anonymised public version, which she approves separately.
 */
export type ApprovedText = 'full' | 'public'

export const useRules: Record<ConsentUse, { scope: ConsentScope; text: ApprovedText }> = {
  ceremony: { scope: 'ceremonyReading', text: 'full' },
  website: { scope: 'website', text: 'public' },
  teaching: { scope: 'teaching', text: 'public' },
  research: { scope: 'research', text: 'public' },
  eccc: { scope: 'eccc', text: 'full' },
}

export interface PublicationRequest {
  use: ConsentUse
  form: PublicationForm
  language: Language
  media?: ReadonlyArray<ConsentMedium>
}

export function requiredScopes(request: PublicationRequest): ConsentScope[] {
  const scopes: ConsentScope[] = [useRules[request.use].scope]
  if (request.form === 'firstName') scopes.push('firstName')
  for (const medium of request.media ?? []) scopes.push(medium)
  return scopes
}
