// The consent gate of consent.md, one pure function: may this testimony be used in this form, for
// this use, in this language, today? Yes, or no with every reason. The Studio, the lake and the
// site all ask it; when in doubt the answer is no.
import { consentInForce, type ConsentDocument } from './consentDocument.ts'
import { bindingWithdrawal } from './consentWithdrawals.ts'
import { requiredScopes, useRules, type PublicationRequest } from './consentScopes.ts'
import type { GateReason } from './gateReasons.ts'
import { approvableText, type TestimonyDocument } from './testimonyDocument.ts'
import { textHash } from './textHash.ts'

export interface GateInput {
  testimony: TestimonyDocument
  /** Consent records: the newest given is in force, a withdrawal in any binds; other testimonies' and drafts are ignored. */
  consents: ReadonlyArray<ConsentDocument>
  request: PublicationRequest
  /** Today as YYYY-MM-DD, passed in so that the rule does not read a clock. */
  today: string
}

export type GateDecision =
  | { allowed: true; request: PublicationRequest; consentId: string; textHash: string }
  | { allowed: false; request: PublicationRequest; reasons: GateReason[] }

export function consentGate({ testimony, consents, request, today }: GateInput): GateDecision {
  const refuse = (reasons: GateReason[]): GateDecision => ({ allowed: false, request, reasons })
  const { consent, reasons } = consentReasons(testimony._id, consents, request, today)
  if (!consent) return refuse(reasons)

  const which = useRules[request.use].text
  const text = approvableText(testimony, which, request.language)
  const hash = textHash(text)
  const approved = (which === 'full' ? consent.approvedText : consent.approvedPublicText)?.[request.language]
  if (text === '') reasons.push({ code: 'noTextInLanguage', language: request.language, text: which })
  else if (!approved) reasons.push({ code: 'notApprovedInLanguage', language: request.language, text: which })
  else if (approved !== hash) {
    reasons.push({ code: 'approvedTextChanged', language: request.language, text: which, approvedOn: consent.dateGiven ?? '?' })
  }

  if (reasons.length > 0) return refuse(reasons)
  return { allowed: true, request, consentId: consent._id, textHash: hash }
}

/**
 * What her consent records say of a request, whatever the text: the record in force, and why it does
 * not allow the request today (scopes not granted or withdrawn, not yet given, past its review date,
 * held until a day).
 * The site asks this of a public story, whose approved words it reads only as their hash.
 */
export function consentReasons(
  testimonyId: string,
  consents: ReadonlyArray<ConsentDocument>,
  request: PublicationRequest,
  today: string,
): { consent: ConsentDocument | null; reasons: GateReason[] } {
  const consent = consentInForce(testimonyId, consents)
  if (!consent) return { consent: null, reasons: [{ code: 'noConsent' }] }
  return { consent, reasons: [...scopeReasons(testimonyId, consents, consent, request), ...dateReasons(consent, request, today)] }
}

/** Each scope the request needs: withdrawn in any of her records, or not granted by the record in force. */
function scopeReasons(
  testimonyId: string,
  consents: ReadonlyArray<ConsentDocument>,
  inForce: ConsentDocument,
  request: PublicationRequest,
): GateReason[] {
  const granted = new Set(inForce.scopes ?? [])
  return requiredScopes(request).flatMap((scope): GateReason[] => {
    const withdrawn = bindingWithdrawal(testimonyId, consents, scope)
    if (withdrawn) return [{ code: 'scopeWithdrawn', scope, date: withdrawn.date }]
    return granted.has(scope) ? [] : [{ code: 'scopeNotGranted', scope }]
  })
}

function dateReasons(consent: ConsentDocument, request: PublicationRequest, today: string): GateReason[] {
  const reasons: GateReason[] = []
  if (consent.dateGiven && consent.dateGiven > today) reasons.push({ code: 'consentNotYetGiven', dateGiven: consent.dateGiven })
  if (!consent.reviewDate) reasons.push({ code: 'noReviewDate' })
  else if (consent.reviewDate <= today) reasons.push({ code: 'reviewDatePassed', reviewDate: consent.reviewDate })
  // "Not before" holds every public use (the website, teaching, research) until its day; reading
  // her own testimony at the ceremony or giving it to the ECCC is not publication.
  const held = consent.notBefore && consent.notBefore > today && useRules[request.use].text === 'public'
  if (held && consent.notBefore) reasons.push({ code: 'publicationHeld', notBefore: consent.notBefore })
  return reasons
}
