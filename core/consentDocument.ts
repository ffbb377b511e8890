// The consent record as the rules read it: scopes granted, dates, the hashes of the approved
// texts (per language, for the full testimony and for the public version), and withdrawals.
import { z } from 'zod'
import { consentScopes } from './consentScopes.ts'
import { calendarDay } from './calendarDay.ts'
import { isPublishedId, publishedIdOf } from './documentIds.ts'

const hashes = z.looseObject({ km: z.string().nullish(), en: z.string().nullish() })

export const withdrawal = z.looseObject({
  _key: z.string().optional(),
  date: calendarDay,
  method: z.string().nullish(),
  recordedBy: z.string().nullish(),
  scopes: z.array(z.enum(consentScopes)),
})
export type Withdrawal = z.infer<typeof withdrawal>

export const consentDocument = z.looseObject({
  _id: z.string(),
  _type: z.literal('consentRecord'),
  _createdAt: z.string().nullish(),
  testimony: z.looseObject({ _ref: z.string() }),
  scopes: z.array(z.enum(consentScopes)).nullish(),
  dateGiven: calendarDay.nullish(),
  reviewDate: calendarDay.nullish(),
  /** Not to be published before this day (after a trial, a family event): see publicationHold.ts. */
  notBefore: calendarDay.nullish(),
  approvedText: hashes.nullish(),
  approvedPublicText: hashes.nullish(),
  withdrawals: z.array(withdrawal).nullish(),
})
export type ConsentDocument = z.infer<typeof consentDocument>

/** A consent still being drafted in the Studio has not been given: only published records count. */
export function isRecordedConsent(consent: ConsentDocument): boolean {
  return isPublishedId(consent._id)
}

/**
 * The record in force for a testimony: the most recently given published one. Its scopes, dates and
 * hashes replace an older record's entirely, so a survivor can narrow what she allowed; withdrawals
 * written in any of her records still bind (consentWithdrawals.ts). Two given on the same day (a new
 * sheet read back after an edit) are told apart by when they were recorded, then by id.
 */
export function consentInForce(testimonyId: string, consents: ReadonlyArray<ConsentDocument>): ConsentDocument | null {
  const publishedId = publishedIdOf(testimonyId)
  const candidates = consents.filter((c) => isRecordedConsent(c) && c.testimony._ref === publishedId && c.dateGiven)
  candidates.sort(
    (a, b) =>
      (b.dateGiven ?? '').localeCompare(a.dateGiven ?? '') ||
      (b._createdAt ?? '').localeCompare(a._createdAt ?? '') ||
      b._id.localeCompare(a._id),
  )
  return candidates[0] ?? null
}
