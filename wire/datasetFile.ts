// Reads and writes Sanity's dataset export format: one JSON document per line (NDJSON).
import { z } from 'zod'
import { describeZodError } from '../core/index.ts'

const sanityDocument = z.looseObject({ _id: z.string().min(1), _type: z.string().min(1) })
export type ArchiveDocument = z.infer<typeof sanityDocument>

export class ArchiveFileError extends Error {
  readonly line: number
  constructor(line: number, detail: string) {
    super(`Line ${line} of the archive file is not a Sanity document: ${detail}. Each line must be one JSON object with _id and _type.`)
    this.line = line
  }
}

export function parseArchive(ndjson: string): ArchiveDocument[] {
  const documents: ArchiveDocument[] = []
  ndjson.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new ArchiveFileError(index + 1, error instanceof Error ? error.message : String(error))
    }
    const parsed = sanityDocument.safeParse(value)
    if (!parsed.success) throw new ArchiveFileError(index + 1, describeZodError(parsed.error))
    documents.push(parsed.data)
  })
  return documents
}

export function formatArchive(documents: ReadonlyArray<object>): string {
  return documents.map((document) => JSON.stringify(document)).join('\n') + '\n'
}
