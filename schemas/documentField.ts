// Reads a string field of the document being validated, without trusting its shape.
export function stringField(document: unknown, name: string): string | undefined {
  if (typeof document !== 'object' || document === null || !(name in document)) return undefined
  const value: unknown = Reflect.get(document, name)
  return typeof value === 'string' ? value : undefined
}
