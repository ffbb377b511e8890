// The archive's case records (a survivor, her testimonies, their consent records, follow-up calls):
// which of Sanity's own actions bypass the archive's rules for them, and what each role may create.
// The lake holds the same lines on the server; these keep the Studio from offering what it refuses.
import type { StaffRole } from '../workflow/index.ts'

export const caseRecordTypes = ['survivor', 'testimony', 'consentRecord', 'followUp'] as const
export type CaseRecordType = (typeof caseRecordTypes)[number]

/** The field of each case record type that names its therapist (filled in by the schema's initial value). */
export const therapistField: Readonly<Record<CaseRecordType, string>> = {
  survivor: 'assignedTherapist',
  testimony: 'therapist',
  consentRecord: 'therapist',
  followUp: 'therapist',
}

export function isCaseRecordType(type: string): type is CaseRecordType {
  return (caseRecordTypes as ReadonlyArray<string>).includes(type)
}

/**
 * Sanity's actions that would go around the archive: deleting (only an administrator's erasure removes
 * a record, with its history), duplicating (a copy of a testimony would carry her words under no
 * consent), unpublishing (a testimony leaves the site by a withdrawal, recorded), scheduling (it would
 * publish later without the consent gate), and Canvas, an online service.
 */
const bypassing = new Set(['delete', 'duplicate', 'unpublish', 'schedule', 'editInCanvas', 'linkToCanvas', 'unlinkFromCanvas'])
const online = new Set(['editInCanvas', 'linkToCanvas', 'unlinkFromCanvas', 'schedule'])

/** Whether Sanity's action of this name stays on a document of this type. */
export function keepsSanityAction(type: string, action: string | undefined): boolean {
  if (action === undefined) return true
  return isCaseRecordType(type) || type === 'erasureRecord' ? !bypassing.has(action) : !online.has(action)
}

/** The public content a role may create; case records (consent records come from a recorded approval). */
const creatable: Record<StaffRole, ReadonlyArray<string>> = {
  therapist: ['survivor', 'testimony', 'followUp'],
  supervisor: ['survivor', 'testimony', 'followUp', 'ceremony', 'theme', 'lesson', 'glossaryTerm', 'supportService'],
  administrator: ['survivor', 'testimony', 'followUp', 'ceremony', 'theme', 'lesson', 'glossaryTerm', 'supportService', 'siteSettings'],
}

export function mayCreate(role: StaffRole, type: string): boolean {
  return creatable[role].includes(type)
}
