// Which of her withdrawals bind, over all of a testimony's consent records. Her latest word counts,
// whichever record it is written in: a withdrawal takes a scope back from its date, and only a
// record given after that date (strictly: the same day is not after) that lists the scope again
// grants it anew. A record never grants again what a withdrawal written in itself took back. The
// gate, the consent report, the Studio's withdraw action and the site's neutral page all ask here.
import { consentInForce, isRecordedConsent, type ConsentDocument, type Withdrawal } from './consentDocument.ts'
import type { ConsentScope } from './consentScopes.ts'
import { publishedIdOf } from './documentIds.ts'

/** The given (published) records of one testimony, whatever their dates. */
function recordsOf(testimonyId: string, consents: ReadonlyArray<ConsentDocument>): ConsentDocument[] {
  const publishedId = publishedIdOf(testimonyId)
  return consents.filter((c) => isRecordedConsent(c) && c.testimony._ref === publishedId)
}

/**
 * The withdrawal that takes `scope` back today, if any (the latest, when several do). Its date does
 * not have to have come: withdrawing must never wait for a calendar.
 */
export function bindingWithdrawal(testimonyId: string, consents: ReadonlyArray<ConsentDocument>, scope: ConsentScope): Withdrawal | null {
  const inForce = consentInForce(testimonyId, consents)
  const grantedAgain = (withdrawal: Withdrawal, writtenIn: ConsentDocument) =>
    inForce !== null &&
    inForce._id !== writtenIn._id &&
    (inForce.scopes ?? []).includes(scope) &&
    (inForce.dateGiven ?? '') > withdrawal.date
  let latest: Withdrawal | null = null
  for (const record of recordsOf(testimonyId, consents)) {
    for (const withdrawal of record.withdrawals ?? []) {
      if (!withdrawal.scopes.includes(scope) || grantedAgain(withdrawal, record)) continue
      if (latest === null || withdrawal.date > latest.date) latest = withdrawal
    }
  }
  return latest
}

/** Whether every scope the record in force grants is taken back, so that nothing is left to withdraw. */
export function everythingWithdrawn(testimonyId: string, consents: ReadonlyArray<ConsentDocument>): boolean {
  const inForce = consentInForce(testimonyId, consents)
  return inForce !== null && (inForce.scopes ?? []).every((scope) => bindingWithdrawal(testimonyId, consents, scope) !== null)
}
