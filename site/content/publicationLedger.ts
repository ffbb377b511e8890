// The addresses this site has published, kept between builds outside the public output, so that a
// story withdrawn since (the lake then holds no published copy of it) keeps a neutral page.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { HintedError, parseOrExplain } from '../../core/index.ts'

export const ledgerEntry = z.strictObject({ id: z.string(), slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/) })
export type LedgerEntry = z.infer<typeof ledgerEntry>
const ledgerFile = z.strictObject({ published: z.array(ledgerEntry) })

export function readLedger(path: string): LedgerEntry[] {
  if (!existsSync(path)) return []
  const hint = 'it lists {id, slug} of every story this site published; restore it from a backup or delete it.'
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    throw new HintedError(`The publication ledger ${path} is not JSON`, hint)
  }
  return parseOrExplain(ledgerFile, json, `the publication ledger ${path}`, hint).published
}

/** Written whole, then renamed into place, so that a build reading it meanwhile never sees half of it. */
export function writeLedger(path: string, entries: ReadonlyArray<LedgerEntry>): void {
  const written = `${path}.${process.pid}-${Date.now()}.tmp`
  writeFileSync(written, `${JSON.stringify({ published: entries }, null, 2)}\n`)
  renameSync(written, path)
}

/** The ledger after a build: everything published before and everything public now, once each. */
export function mergeLedger(before: ReadonlyArray<LedgerEntry>, now: ReadonlyArray<LedgerEntry>): LedgerEntry[] {
  const seen = new Map<string, LedgerEntry>()
  for (const entry of [...before, ...now]) seen.set(`${entry.id} ${entry.slug}`, entry)
  return [...seen.values()].sort((a, b) => a.slug.localeCompare(b.slug))
}
