// Prints benchmark results as a table and keeps them in bench-results/ for comparison over time.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export type Row = Record<string, string | number>

export function percentile(values: ReadonlyArray<number>, p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

export function printTable(title: string, rows: ReadonlyArray<Row>): void {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  const cell = (value: string | number | undefined) =>
    typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : (value ?? '')
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((row) => cell(row[c]).length)))
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`
  console.log(`\n${title}\n`)
  console.log(line(columns))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))))
}

export function saveResults(name: string, results: unknown): string {
  const folder = resolve(import.meta.dirname, '..', 'bench-results')
  mkdirSync(folder, { recursive: true })
  const file = join(folder, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, JSON.stringify(results, null, 2))
  return file
}
