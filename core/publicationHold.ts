// A survivor may ask that her story not be made public before a day (after a trial, after a family
// event): her consent record in force says "not before". The gate refuses the public uses until that
// day (consentGate.ts). The archive may still mark the testimony published before then, so that the
// site shows it on that day by itself (its daily rebuild) without anyone at work that day: asking
// "may it be published?" (publicationRefusals) waives the hold, asking "is it public today?"
// (projectPublicTestimony, the site) does not.
import { consentInForce, type ConsentDocument } from './consentDocument.ts'

/** The day her story may first be public, while that day is still to come; otherwise null. */
export function publicationHeldUntil(testimonyId: string, consents: ReadonlyArray<ConsentDocument>, today: string): string | null {
  const notBefore = consentInForce(testimonyId, consents)?.notBefore
  return notBefore && notBefore > today ? notBefore : null
}

/** Her consent records as if she had asked for no hold: what publishing in the archive is judged by. */
export function withoutHold(consents: ReadonlyArray<ConsentDocument>): ConsentDocument[] {
  return consents.map((consent) => ({ ...consent, notBefore: null }))
}
