// May this testimony be published (made public on the website) as it stands? Stricter than what
// the site shows: every language the public version has text in must be approved as it stands,
// since publishing a text the survivor did not approve is the harm to avoid. Asked by the Studio's
// publish action and by the lake before any write; an empty answer means yes.
import type { ConsentDocument } from './consentDocument.ts'
import { consentGate } from './consentGate.ts'
import { describeReason } from './gateReasons.ts'
import { publicLanguages, type Language } from './languages.ts'
import { projectPublicTestimony } from './publicTestimony.ts'
import { approvableText, type TestimonyDocument } from './testimonyDocument.ts'

const noText: Record<Language, string> = {
  en: 'The public version has no text in any language.',
  km: 'កំណែសាធារណៈមិនមានអត្ថបទជាភាសាណាមួយទេ។',
}

export function publicationRefusals(
  testimony: TestimonyDocument,
  consents: ReadonlyArray<ConsentDocument>,
  today: string,
  language: Language = 'en',
): string[] {
  const languages = publicLanguages.filter((l) => approvableText(testimony, 'public', l) !== '')
  if (languages.length === 0) return [noText[language]]
  const gateReasons = languages.flatMap((l) => {
    const decision = consentGate({ testimony, consents, today, request: { use: 'website', form: 'anonymous', language: l } })
    return decision.allowed ? [] : decision.reasons
  })
  const projection = projectPublicTestimony({ testimony, consents, use: 'website', today })
  return [...new Set([...gateReasons, ...(projection.public ? [] : projection.reasons)].map((reason) => describeReason(reason, language)))]
}
