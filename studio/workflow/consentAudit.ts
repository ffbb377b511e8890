// The consent audit trail: who recorded, changed or withdrew a survivor's consent, and when, read
// from the backend's transaction history of consent records; and the CSV files supervisors export.
import { z } from 'zod'
import type { ConsentReportRow } from '../../core/index.ts'
import { isDraftId, publishedIdOf } from '../../core/index.ts'

const historyDocument = z.looseObject({ _type: z.string().optional(), withdrawals: z.array(z.unknown()).nullish() }).nullable()
export const historyTransaction = z.looseObject({
  id: z.string(),
  timestamp: z.string(),
  author: z.string(),
  documentIDs: z.array(z.string()),
  // The lake sends whole documents as effects; hosted Sanity sends mendoza patches, which are not
  // read here: without them an event is told apart only by being the record's first.
  effects: z
    .record(z.string(), z.looseObject({ apply: z.tuple([z.number(), historyDocument]), revert: z.tuple([z.number(), historyDocument]) }))
    .optional()
    .catch(undefined),
})
export type HistoryTransaction = z.infer<typeof historyTransaction>

export const auditActions = ['recorded', 'changed', 'withdrew', 'deleted'] as const
export type AuditAction = (typeof auditActions)[number]

export interface AuditEvent {
  timestamp: string
  author: string
  action: AuditAction
  consentId: string
  testimonyId: string
}

/** One event per consent record a transaction touched (its draft counts as the record). */
export function auditEvents(transactions: ReadonlyArray<HistoryTransaction>, testimonyOf: ReadonlyMap<string, string>): AuditEvent[] {
  const seen = new Set<string>()
  const ordered = [...transactions].sort((a, b) => a.timestamp.localeCompare(b.timestamp))
  return ordered.flatMap((transaction) =>
    transaction.documentIDs.flatMap((documentId) => {
      const consentId = publishedIdOf(documentId)
      const testimonyId = testimonyOf.get(consentId)
      if (!testimonyId || isDraftId(documentId)) return []
      const effect = transaction.effects?.[documentId]
      const before = effect ? effect.revert[1] : seen.has(consentId) ? {} : null
      const after = effect ? effect.apply[1] : {}
      seen.add(consentId)
      const action: AuditAction =
        before === null
          ? 'recorded'
          : after === null
            ? 'deleted'
            : (after.withdrawals?.length ?? 0) > (before.withdrawals?.length ?? 0)
              ? 'withdrew'
              : 'changed'
      return [{ timestamp: transaction.timestamp, author: transaction.author, action, consentId, testimonyId }]
    }),
  )
}

// A cell that starts like a formula is quoted so a spreadsheet shows it rather than runs it.
function cell(value: string | number | boolean): string {
  const text = String(value)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function csv(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}

export function auditCsv(events: ReadonlyArray<AuditEvent>): string {
  return csv(
    ['time', 'person', 'action', 'consent record', 'testimony'],
    events.map((e) => [e.timestamp, e.author, e.action, e.consentId, e.testimonyId]),
  )
}

export function consentReportCsv(rows: ReadonlyArray<ConsentReportRow>): string {
  return csv(
    ['testimony', 'title', 'website', 'form', 'languages', 'teaching', 'ceremony', 'why not'],
    rows.map((r) => [
      r.testimonyId,
      r.title,
      r.website.public ? 'yes' : 'no',
      r.website.public ? r.website.form : '',
      r.website.public ? r.website.languages.join(' ') : '',
      r.teaching ? 'yes' : 'no',
      r.ceremony ? 'yes' : 'no',
      r.website.public ? '' : r.website.reasons.join(' '),
    ]),
  )
}
