// May this testimony be published (made public on the website) as it stands? The one answer of
// projectPublicTestimony, in words a therapist can act on; an empty answer means yes. Asked by the
// Studio's Publish button and badge, its withdraw action, and by the lake before any write. A hold
// ("not before" a day) does not stop publishing in the archive: the site shows the story from that
// day (publicationHold.ts).
import type { ConsentDocument } from './consentDocument.ts'
import { describeReason } from './gateReasons.ts'
import type { Language } from './languages.ts'
import { withoutHold } from './publicationHold.ts'
import { projectPublicTestimony } from './publicTestimony.ts'
import type { TestimonyDocument } from './testimonyDocument.ts'

export function publicationRefusals(
  testimony: TestimonyDocument,
  consents: ReadonlyArray<ConsentDocument>,
  today: string,
  language: Language = 'en',
): string[] {
  const projection = projectPublicTestimony({ testimony, consents: withoutHold(consents), use: 'website', today })
  return projection.public ? [] : [...new Set(projection.reasons.map((reason) => describeReason(reason, language)))]
}
