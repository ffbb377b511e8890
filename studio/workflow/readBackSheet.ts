// The read-back sheet: the exact text, as stored, printed on A4 in large type for reading back to
// the survivor, with the approval code of each text (never broken over two lines), the scopes as
// boxes to tick (kept together on one page), and boxes for her signature or thumbprint and the
// witness; each page names the archive and its hotline. Labels are in Khmer and English, the day in
// core's words for each (Khmer digits and the Buddhist Era); nothing is fetched.
import { consentScopes, localDate, scopeTitles, type ApprovedText, type Language, type TestimonyDocument } from '../../core/index.ts'
import { readBackParts, type TextPart } from './approvalRecord.ts'

export interface ReadBackRequest {
  testimony: TestimonyDocument
  text: ApprovedText
  languages: ReadonlyArray<Language>
  printedOn: string
  /** The archive's name and hotline (from its site settings), printed on each page; none when unknown. */
  source?: SheetSource | null
}

export interface SheetSource {
  archive: Partial<Record<Language, string | null>>
  hotline: { phone: string; name: Partial<Record<Language, string | null>> } | null
}

const label = (km: string, en: string) => `<span lang="km">${km}</span> · <span lang="en">${en}</span>`
const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

const textLabels: Record<ApprovedText, string> = {
  full: label('សក្ខីកម្មពេញលេញ', 'Full testimony'),
  public: label('កំណែសាធារណៈ (អនាមិក)', 'Public version (anonymised)'),
}
const languageLabels: Record<Language, string> = { km: label('ភាសាខ្មែរ', 'Khmer'), en: label('ភាសាអង់គ្លេស', 'English') }
/** A CSS string for a page's margin box, on one line: quotes, backslashes and `<` escaped (no `</style>` can end it). */
const cssString = (text: string) => `"${text.replace(/\s+/g, ' ').replace(/["\\<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`

/** The archive's name and hotline as one line, both languages: on every page's head. */
function sourceLine(source: SheetSource | null | undefined): string {
  if (!source) return ''
  const archive = [source.archive.km, source.archive.en].filter(Boolean).join(' · ')
  const hotline = source.hotline ? `ខ្សែជំនួយ · Hotline ${source.hotline.phone}` : ''
  return [archive, hotline].filter(Boolean).join(' — ')
}

/** The sheet's sections: one per language that has text, each with its code. */
export function readBackSections(request: ReadBackRequest) {
  const parts = readBackParts(request.testimony)
  return request.languages.flatMap((language) => {
    const part = parts.find((p) => p.part === (`${request.text}.${language}` satisfies TextPart))
    return part ? [{ language, code: part.code, paragraphs: part.text.split('\n').filter((line) => line.trim() !== '') }] : []
  })
}

export function readBackSheetHtml(request: ReadBackRequest): string {
  const sections = readBackSections(request)
  const codes = sections.map((s) => `${s.language.toUpperCase()} ${s.code}`).join(' · ')
  const body = sections
    .map(
      (section) => `
<section class="text" lang="${section.language}">
  <h2>${languageLabels[section.language]} — ${label('លេខកូដអនុម័ត', 'Approval code')}: <strong class="code" data-language="${section.language}">${section.code}</strong></h2>
  ${section.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n  ')}
</section>`,
    )
    .join('\n')
  const source = sourceLine(request.source)
  const hotlineName = request.source?.hotline?.name
  const scopes = consentScopes
    .map(
      (s) =>
        `<li><span class="box"></span> <span lang="km">${scopeTitles[s].km}</span><br><span lang="en">${scopeTitles[s].en}</span></li>`,
    )
    .join('\n    ')
  return `<!doctype html>
<html lang="km">
<head>
<meta charset="utf-8">
<title>Read-back sheet ${escape(codes)}</title>
<style>
  @page { size: A4; margin: 18mm 16mm 20mm;
    ${source ? `@top-center { content: ${cssString(source)}; font-size: 9pt; white-space: nowrap; }` : ''}
    @bottom-center { content: "${escape(codes)} — " counter(page) "/" counter(pages); font-size: 10pt; white-space: nowrap; } }
  body { font-family: "Khmer OS", "Khmer OS System", "Noto Sans Khmer", "Noto Serif Khmer", Inter, system-ui, sans-serif; font-size: 18pt; line-height: 1.9; color: #000; max-width: 178mm; margin: 0 auto; }
  h1 { font-size: 22pt; } h2 { font-size: 16pt; border-top: 2px solid #000; padding-top: 6mm; }
  :lang(km) { font-synthesis: none; }
  .code { display: inline-block; font-family: ui-monospace, monospace; font-size: 20pt; letter-spacing: 0.08em; white-space: nowrap; word-break: keep-all; hyphens: none; }
  .scopes-section { break-inside: avoid; page-break-inside: avoid; }
  .scopes-section h2 { break-after: avoid; }
  ul.scopes { list-style: none; padding: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 0 6mm; font-size: 14pt; line-height: 1.9; } ul.scopes li { break-inside: avoid; margin-bottom: 4mm; }
  .source { margin-top: 8mm; border-top: 1px solid #000; font-size: 11pt; } .source .phone { white-space: nowrap; }
  .box { display: inline-block; width: 8mm; height: 8mm; border: 2px solid #000; vertical-align: middle; }
  .sign { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; break-inside: avoid; font-size: 13pt; }
  .sign div { border: 2px solid #000; min-height: 38mm; padding: 2mm 3mm; }
  .sign .thumb { min-height: 45mm; }
  .printing { font-size: 12pt; } @media print { .printing { display: none; } }
</style>
</head>
<body>
<p class="printing"><button type="button" onclick="window.print()">${label('បោះពុម្ព', 'Print')}</button></p>
<h1>${label('សន្លឹកអានឡើងវិញ', 'Read-back sheet')} — ${textLabels[request.text]}</h1>
<p>${label(`បោះពុម្ព${escape(localDate(request.printedOn, 'km'))}`, `Printed on ${escape(localDate(request.printedOn, 'en'))}`)}. ${label(
    'សូមអានអត្ថបទនេះឡើងវិញទាំងស្រុង។ បើមានកែប្រែ ត្រូវបោះពុម្ពសន្លឹកថ្មី',
    'Read this text back in full. If anything is changed, print a new sheet',
  )}.</p>
${body}
<section class="scopes-section">
<h2>${label('អ្វីដែលខ្ញុំយល់ព្រម', 'What I agree to')}</h2>
<ul class="scopes">
    ${scopes}
</ul>
</section>
<div class="sign">
  <div>${label('ហត្ថលេខា', 'Signature')}</div>
  <div class="thumb">${label('ស្នាមមេដៃ', 'Thumbprint')}</div>
  <div>${label('សាក្សី (ឈ្មោះ តួនាទី ហត្ថលេខា)', 'Witness (name, role, signature)')}</div>
  <div>${label('កាលបរិច្ឆេទ និងអ្នកព្យាបាល', 'Date and therapist')}</div>
</div>
${
  request.source
    ? `<footer class="source">
  <p>${[request.source.archive.km && `<span lang="km">${escape(request.source.archive.km)}</span>`, request.source.archive.en && `<span lang="en">${escape(request.source.archive.en)}</span>`].filter(Boolean).join(' · ')}</p>
  ${request.source.hotline ? `<p>${label('ខ្សែជំនួយ', 'Hotline')}: <span class="phone">${escape(request.source.hotline.phone)}</span>${hotlineName?.km ? ` <span lang="km">(${escape(hotlineName.km)})</span>` : ''}</p>` : ''}
</footer>`
    : ''
}
</body>
</html>
`
}
