// The gate's inputs from what a backend answered: testimonies and consent records checked with zod
// one by one (a malformed one is named and left out, never guessed at: a testimony stays private, a
// consent record counts as no consent), and each testimony with its own records. The lake's guards
// group records with it, so that each judges a testimony from the same records as the Studio does
// (the site reads them as a testimony's public story carries them).
import { consentDocument, type ConsentDocument } from './consentDocument.ts'
import { testimonyDocument, type TestimonyDocument } from './testimonyDocument.ts'
import { publishedIdOf } from './documentIds.ts'
import { describeZodError } from './parseOrExplain.ts'

export interface GateInputs {
  /** Each well-formed testimony with its own consent records, and the document as it came (for fields the gate does not read). */
  testimonies: Array<{ testimony: TestimonyDocument; consents: ConsentDocument[]; source: unknown }>
  /** Every testimony's consent records by its published id, also for testimonies not among those answered. */
  consentsOf: ReadonlyMap<string, ConsentDocument[]>
  /** What was left out and why, without any of its content. */
  problems: string[]
}

export function gateInputs(answered: { testimonies: ReadonlyArray<unknown>; consents: ReadonlyArray<unknown> }): GateInputs {
  const problems: string[] = []
  const consentsOf = new Map<string, ConsentDocument[]>()
  for (const raw of answered.consents) {
    const parsed = consentDocument.safeParse(raw)
    if (!parsed.success) {
      problems.push(`A consent record is not well formed and counts as no consent: ${describeZodError(parsed.error)}`)
      continue
    }
    const testimonyId = parsed.data.testimony._ref
    consentsOf.set(testimonyId, [...(consentsOf.get(testimonyId) ?? []), parsed.data])
  }
  const testimonies: GateInputs['testimonies'] = []
  for (const raw of answered.testimonies) {
    const parsed = testimonyDocument.safeParse(raw)
    if (!parsed.success) {
      problems.push(`A testimony is not well formed and stays private: ${describeZodError(parsed.error)}`)
      continue
    }
    const consents = consentsOf.get(publishedIdOf(parsed.data._id)) ?? []
    testimonies.push({ testimony: parsed.data, consents, source: raw })
  }
  return { testimonies, consentsOf, problems }
}
