// Reads a string field of the document being validated, without trusting its shape.
export function stringField(document: unknown, name: string): string | undefined {
  if (typeof document !== 'object' || document === null || !(name in document)) return undefined
  const value: unknown = Reflect.get(document, name)
  return typeof value === 'string' ? value : undefined
}

/** The witness's name on a consent record being validated, if one was entered. */
export function witnessName(document: unknown): string | undefined {
  if (typeof document !== 'object' || document === null) return undefined
  const witness: unknown = Reflect.get(document, 'witness')
  return stringField(witness, 'name')
}
