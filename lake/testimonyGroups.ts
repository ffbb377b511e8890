// A transaction as the workflow rules see it: each testimony it touches, judged by its document
// group (the draft and the published version), before and after, with its consent records.
import {
  gateInputs,
  testimonyDocument,
  type ConsentDocument,
  type TestimonyDocument,
  type TestimonyGroup,
  draftIdOf,
  publishedIdOf,
  isVersionId,
  describeZodError,
} from '../core/index.ts'
import { LakeError } from './errors.ts'
import { referenceOf, type DocumentChange, type LakeDocument } from './mutations/document.ts'

/** The published ids of the testimonies a transaction touches (drafts and published versions). */
export function touchedTestimonies(changes: ReadonlyArray<DocumentChange>): string[] {
  const ids = changes
    .filter((change) => change.before?._type === 'testimony' || change.after?._type === 'testimony')
    .filter((change) => !isVersionId(change.id))
    .map((change) => publishedIdOf(change.id))
  return [...new Set(ids)]
}

/** A testimony's versions as they are stored (`read`) and as the transaction leaves them. */
export function groupsOf(
  testimonyId: string,
  changes: ReadonlyArray<DocumentChange>,
  read: (id: string) => LakeDocument | null,
): { before: TestimonyGroup; after: TestimonyGroup } {
  const version = (id: string, which: 'before' | 'after') => {
    const change = changes.find((c) => c.id === id)
    const document = change ? change[which] : read(id)
    return document?._type === 'testimony' ? workflowDocument(document, which) : null
  }
  const [draftId, publishedId] = [draftIdOf(testimonyId), testimonyId]
  return {
    before: { draft: version(draftId, 'before'), published: version(publishedId, 'before') },
    after: { draft: version(draftId, 'after'), published: version(publishedId, 'after') },
  }
}

/**
 * What the workflow reads of a stored testimony: its texts, state and pass. A version this change
 * writes must be well formed; one stored earlier that is not counts with its texts left out.
 */
function workflowDocument(document: LakeDocument, which: 'before' | 'after'): TestimonyDocument {
  const { _id, _rev, title, body, hopes, publicVersion, workflowState, review } = document
  const fields = { _id, _rev, _type: 'testimony', workflowState, review }
  const parsed = testimonyDocument.safeParse({ ...fields, title, body, hopes, publicVersion })
  if (parsed.success) return parsed.data
  if (which === 'before') return testimonyDocument.parse(fields)
  throw new LakeError(
    409,
    'workflowRefusedError',
    `Testimony "${_id}" can not be stored: it is not well formed (${describeZodError(parsed.error)})`,
    { id: _id },
  )
}

/** One testimony's consent records among `documents`. */
export function consentsOf(testimonyId: string, documents: ReadonlyArray<LakeDocument>): ConsentDocument[] {
  return parsedConsents(documents.filter((document) => isConsentOf(testimonyId, document)))
}

/** One testimony's consent records as the transaction would leave them. */
export function consentsAfter(
  testimonyId: string,
  changes: ReadonlyArray<DocumentChange>,
  documents: ReadonlyArray<LakeDocument>,
): ConsentDocument[] {
  const after = new Map(documents.filter((document) => isConsentOf(testimonyId, document)).map((document) => [document._id, document]))
  for (const change of changes) {
    if (change.after && isConsentOf(testimonyId, change.after)) after.set(change.id, change.after)
    else after.delete(change.id)
  }
  return parsedConsents([...after.values()])
}

const isConsentOf = (testimonyId: string, document: LakeDocument) =>
  document._type === 'consentRecord' && referenceOf(document.testimony) === testimonyId

// Through the gate's one loader, so the lake reads a testimony's records as the Studio and the site do.
function parsedConsents(documents: ReadonlyArray<LakeDocument>): ConsentDocument[] {
  return [...gateInputs({ testimonies: [], consents: documents }).consentsOf.values()].flat()
}
