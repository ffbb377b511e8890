// What the survivor approved and when an edit undoes it: the texts the read-back sheet prints (the
// full testimony and the public version, in Khmer and English), compared as the hash compares them.
// An edit of any of them after her approval sends the testimony back to be read to her again.
import type { ApprovedText } from './consentScopes.ts'
import type { ConsentDocument } from './consentDocument.ts'
import type { Language } from './languages.ts'
import { normaliseText } from './normalisedText.ts'
import { approvableText, type TestimonyDocument } from './testimonyDocument.ts'
import { textHash } from './textHash.ts'
import { currentVersion, workflowStateOf, type TestimonyGroup } from './workflowStates.ts'

const parts: ReadonlyArray<readonly [ApprovedText, Language]> = [
  ['full', 'km'],
  ['full', 'en'],
  ['public', 'km'],
  ['public', 'en'],
]

/** Whether the texts she approves differ between two versions (a reflowed paragraph is no edit). */
export function approvableTextEdited(before: TestimonyDocument | null, after: TestimonyDocument | null): boolean {
  const texts = (document: TestimonyDocument | null) =>
    parts.map(([which, language]) => (document ? normaliseText(approvableText(document, which, language)) : ''))
  const [was, is] = [texts(before), texts(after)]
  return was.some((text, index) => text !== is[index])
}

/** Whether this consent approves at least one of the testimony's texts exactly as it now stands. */
export function approvesCurrentText(testimony: TestimonyDocument, consent: ConsentDocument | null): boolean {
  if (!consent) return false
  return parts.some(([which, language]) => {
    const text = approvableText(testimony, which, language)
    const approved = (which === 'full' ? consent.approvedText : consent.approvedPublicText)?.[language]
    return text !== '' && typeof approved === 'string' && approved === textHash(text)
  })
}

/**
 * The edit-after-approval rule: a change that edits the text of an approved (or published)
 * testimony's draft sends the draft back to be read to the survivor again. The lake applies it in
 * the same transaction; the Studio shows it before the edit is saved. A withdrawal wins.
 */
export function sendsBackForReadBack(before: TestimonyGroup, after: TestimonyGroup): boolean {
  const was = currentVersion(before)
  if (!was || !after.draft) return false
  const from = workflowStateOf(was)
  const to = workflowStateOf(after.draft)
  if (from !== 'approved' && from !== 'published') return false
  if (to === 'withdrawn' || to === 'readyForReadBack') return false
  return approvableTextEdited(was, after.draft)
}
