// The consent report: for each testimony, may it be used for each purpose, in which form and
// languages, and if not, why. Printed by `npm start`, exported for supervisors later. Its website
// answer is projectPublicTestimony's, the one the Studio's badge and Publish button give.
import { consentDocument, type ConsentDocument } from './consentDocument.ts'
import { consentGate } from './consentGate.ts'
import { describeReason } from './gateReasons.ts'
import { publicLanguages, type Language } from './languages.ts'
import { projectPublicTestimony } from './publicTestimony.ts'
import { testimonyDocument, type TestimonyDocument } from './testimonyDocument.ts'
import { isDraftId, isVersionId, publishedIdOf } from './documentIds.ts'

export interface ConsentReportRow {
  testimonyId: string
  title: string
  website: { public: true; form: string; languages: Language[] } | { public: false; reasons: string[] }
  teaching: boolean
  ceremony: boolean
}

export function consentReport(documents: ReadonlyArray<unknown>, today: string, language: Language = 'en'): ConsentReportRow[] {
  // A testimony is judged by its current text: the draft where there is one, else the published.
  const testimonies = new Map<string, TestimonyDocument>()
  const consents: ConsentDocument[] = []
  for (const document of documents) {
    const testimony = testimonyDocument.safeParse(document)
    if (testimony.success) {
      // A release's version is not the testimony's current text: only drafts and published ones count.
      const id = testimony.data._id
      if (!isVersionId(id) && (isDraftId(id) || !testimonies.has(publishedIdOf(id)))) testimonies.set(publishedIdOf(id), testimony.data)
    }
    const consent = consentDocument.safeParse(document)
    if (consent.success) consents.push(consent.data)
  }
  return [...testimonies.values()].map((testimony) => {
    const website = projectPublicTestimony({ testimony, consents, use: 'website', today })
    const teaching = projectPublicTestimony({ testimony, consents, use: 'teaching', today })
    const ceremony = publicLanguages.some(
      (l) => consentGate({ testimony, consents, today, request: { use: 'ceremony', form: 'anonymous', language: l } }).allowed,
    )
    return {
      testimonyId: publishedIdOf(testimony._id),
      title: testimony.publicVersion?.title?.[language] ?? testimony.publicVersion?.title?.km ?? testimony._id,
      website: website.public
        ? { public: true, form: website.testimony.form, languages: publicLanguages.filter((l) => website.testimony.languages[l]) }
        : { public: false, reasons: website.reasons.map((r) => describeReason(r, language)) },
      teaching: teaching.public,
      ceremony,
    }
  })
}

/** The report's first line: how many testimonies may be on the website today. */
export function consentReportSummary(rows: ReadonlyArray<ConsentReportRow>, today: string): string {
  return `Consent report for ${today}: ${rows.filter((r) => r.website.public).length} of ${rows.length} testimonies may be on the website.`
}

export function formatConsentReport(rows: ReadonlyArray<ConsentReportRow>, today: string): string {
  const lines = [consentReportSummary(rows, today), '']
  for (const row of rows) {
    const uses = [`ceremony ${row.ceremony ? 'yes' : 'no'}`, `teaching ${row.teaching ? 'yes' : 'no'}`].join(', ')
    if (row.website.public) {
      lines.push(
        `✓ ${row.testimonyId}  ${row.title}`,
        `    website: yes, ${row.website.form === 'firstName' ? 'with first name' : 'anonymous'}, in ${row.website.languages.join(' and ')}; ${uses}`,
      )
    } else {
      lines.push(
        `✗ ${row.testimonyId}  ${row.title}`,
        `    website: no; ${uses}`,
        ...row.website.reasons.map((reason) => `    - ${reason}`),
      )
    }
  }
  return lines.join('\n')
}
