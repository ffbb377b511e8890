// The consent record as the gate reads it, from one list of fields, and the function that cuts a
// stored record down to it (what a public story carries of her records, for the site's check).
// Drifting copies of the list once let the build order two records given the same day differently
// from the Studio (it lacked `_createdAt`). Nothing about the people: no witness, method, language
// explained in, recorder, or scan.
import { publicLanguages } from './languages.ts'

type FieldShape = { field: string; of?: ReadonlyArray<string>; each?: true }

/** Each field the gate reads, with the inner fields it reads of an object or of each array item. */
const gateFields: ReadonlyArray<FieldShape> = [
  { field: '_id' },
  { field: '_type' },
  { field: '_createdAt' },
  { field: 'testimony', of: ['_ref'] },
  { field: 'scopes' },
  { field: 'dateGiven' },
  { field: 'reviewDate' },
  { field: 'notBefore' },
  { field: 'approvedText', of: publicLanguages },
  { field: 'approvedPublicText', of: publicLanguages },
  { field: 'withdrawals', of: ['date', 'scopes'], each: true },
]

const pick = (value: unknown, fields: ReadonlyArray<string>): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([key]) => fields.includes(key)))
    : value

/** A stored consent record cut down to what the gate reads (fields it lacks stay absent). */
export function consentGateView(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const view: Record<string, unknown> = {}
  for (const { field, of, each } of gateFields) {
    if (!(field in record)) continue
    const value = record[field]
    view[field] = !of ? value : each && Array.isArray(value) ? value.map((item) => pick(item, of)) : pick(value, of)
  }
  return view
}
