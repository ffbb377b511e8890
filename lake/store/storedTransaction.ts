// A transaction as the log stores it and a backup carries it, read back with zod: the rows of the
// transactions table, and each stored document. (The commit worker writes rows without zod.)
import { z } from 'zod'
import type { TransactionRecord } from './transactionRows.ts'

export const lakeDocument = z.looseObject({ _id: z.string(), _type: z.string() })
export const documentChanges = z.array(z.object({ id: z.string(), before: lakeDocument.nullable(), after: lakeDocument.nullable() }))
/** A transaction as a backup carries it (see lake/backup). */
export const transactionRecord = z.object({
  id: z.string(),
  timestamp: z.string(),
  author: z.string(),
  mutations: z.array(z.unknown()),
  changes: documentChanges,
})
const transactionRow = z.object({ id: z.string(), timestamp: z.string(), author: z.string(), mutations: z.string(), changes: z.string() })

export function parseTransaction(row: unknown): TransactionRecord {
  const parsed = transactionRow.parse(row)
  return {
    id: parsed.id,
    timestamp: parsed.timestamp,
    author: parsed.author,
    mutations: z.array(z.unknown()).parse(JSON.parse(parsed.mutations)),
    changes: documentChanges.parse(JSON.parse(parsed.changes)),
  }
}
