// Defence in depth: the lake itself refuses a write that would leave a testimony published without
// the survivor's consent for it, so that a script bypassing the Studio can not publish either.
// It asks the same consent core as the Studio and the site, with the consents as the transaction
// would leave them. Unpublishing is not its concern (the workflow guard allows it with a withdrawal).
import {
  consentDocument,
  publicationRefusals,
  testimonyDocument,
  isDraftId,
  publishedIdOf,
  draftIdOf,
  describeZodError,
} from '../core/index.ts'
import { LakeError } from './errors.ts'
import type { DocumentChange, LakeDocument } from './mutations/document.ts'
import type { DocumentIndex } from './query/candidates.ts'
import { consentsAfter } from './testimonyGroups.ts'

/** Why this testimony could not stay published once `changes` are applied; empty when it may. */
export function refusalsAfter(
  testimony: LakeDocument,
  changes: ReadonlyArray<DocumentChange>,
  stored: DocumentIndex,
  today: string,
): string[] {
  const parsed = testimonyDocument.safeParse(testimony)
  if (!parsed.success) return [`the testimony is not well formed (${describeZodError(parsed.error)})`]
  return publicationRefusals(parsed.data, consentsAfter(publishedIdOf(parsed.data._id), changes, stored.ofType('consentRecord')), today)
}

/**
 * Refuses a transaction that would leave a testimony published without consent, or a consent record
 * naming another therapist than its testimony's (the name is what lets a therapist see and write it,
 * so a therapist could otherwise record consent for someone else's testimony).
 */
/** `stored`: the documents as the transactions before this one leave them (lookups only: no pass over all of them). */
export function consentGuard(changes: ReadonlyArray<DocumentChange>, stored: DocumentIndex, today: string): void {
  for (const change of changes) refuseForeignConsent(change, changes, stored)
  for (const change of changes) {
    if (change.after?._type !== 'testimony' || isDraftId(change.id)) continue
    const reasons = refusalsAfter(change.after, changes, stored, today)
    if (reasons.length > 0) {
      throw new LakeError(409, 'consentRefusedError', `Testimony "${change.id}" can not be published: ${reasons.join(' ')}`, {
        id: change.id,
        reasons,
      })
    }
  }
}

function refuseForeignConsent(change: DocumentChange, changes: ReadonlyArray<DocumentChange>, stored: DocumentIndex) {
  const record = change.after
  if (record?._type !== 'consentRecord' || typeof record.therapist !== 'string') return
  const parsed = consentDocument.safeParse(record)
  if (!parsed.success) return
  const testimonyId = parsed.data.testimony._ref
  const current = (id: string) => changes.find((c) => c.id === id)?.after ?? stored.get(id)
  const testimony = current(draftIdOf(testimonyId)) ?? current(testimonyId)
  if (testimony && testimony.therapist !== record.therapist) {
    throw new LakeError(
      409,
      'consentRefusedError',
      `Consent record "${change.id}" names therapist "${record.therapist}", but testimony "${testimonyId}" is written down by another; a consent record belongs to its testimony's therapist`,
      { id: change.id },
    )
  }
}
