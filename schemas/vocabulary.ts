// Option lists shared by the Sanity schema types, built from the consent core's vocabularies.
import { consentScopes, contentWarnings, provinces, scopeTitles, workflowStates, type WorkflowState } from '../core/index.ts'

export const provinceOptions = provinces.map((p) => ({ title: p, value: p }))
export const scopeOptions = consentScopes.map((s) => ({ title: scopeTitles[s].en, value: s }))
export const contentWarningOptions = contentWarnings.map((w) => ({ title: w.replace('-', ' '), value: w }))

// The states themselves, and which step leads where, are the consent core's workflow table.
const workflowStateTitles: Record<WorkflowState, string> = {
  drafting: 'Drafting',
  supervisorReview: 'Supervisor review',
  readyForReadBack: 'Ready for read-back',
  approved: 'Approved by the survivor',
  published: 'Published',
  withdrawn: 'Withdrawn',
}
export const workflowStateOptions = workflowStates.map((value) => ({ title: workflowStateTitles[value], value }))

export const survivorLanguages = [
  { title: 'Khmer', value: 'km' },
  { title: 'Cham', value: 'cham' },
  { title: 'Other', value: 'other' },
]

export const consentMethods = [
  { title: 'Signature', value: 'signature' },
  { title: 'Thumbprint', value: 'thumbprint' },
  { title: 'Spoken, with a witness', value: 'spokenWitnessed' },
  { title: 'Spoken, recorded', value: 'spokenRecorded' },
]

export const textHashPattern = /^sha256:[0-9a-f]{64}$/

/** Dates as the programme writes them, day first (Sanity's default is the American month first). */
export const dayFirst = { dateFormat: 'DD/MM/YYYY' } as const
export const dayFirstWithTime = { dateFormat: 'DD/MM/YYYY', timeFormat: 'HH:mm' } as const
