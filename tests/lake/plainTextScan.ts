// What must never be readable on disk: the seed's survivor names, villages and phone numbers and
// its testimony sentences (in Khmer and English), looked for in the raw bytes of every file.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseArchive, type ArchiveDocument } from '../../wire/index.ts'
import { seedArchivePath } from '../../seed/index.ts'

export const seedDocuments = (): ArchiveDocument[] => parseArchive(readFileSync(seedArchivePath, 'utf8'))

const texts = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(texts)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(texts)
        : []

/** Names, villages, phones and testimony sentences of the seed (each long enough never to match by chance). */
export function seedSecrets(): string[] {
  const documents = seedDocuments()
  const survivors = documents.filter((d) => d._type === 'survivor').flatMap((d) => [d.name, d.village, d.phone])
  const sentences = documents
    .filter((d) => d._type === 'testimony')
    .flatMap((d) => texts(d.body))
    .flatMap((text) => text.split(/(?<=[.!?។])\s*/))
    .map((sentence) => sentence.trim())
  return [...new Set([...survivors, ...sentences].filter((s): s is string => typeof s === 'string' && s.length >= 10))]
}

/** Every file below a folder, with its bytes. */
export function filesBelow(folder: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }))
}

/** The secrets found in the files, as `file: secret`. */
export function plainTextIn(files: ReadonlyArray<{ path: string; bytes: Buffer }>, secrets: ReadonlyArray<string>): string[] {
  return files.flatMap(({ path, bytes }) =>
    secrets.filter((secret) => bytes.includes(Buffer.from(secret))).map((secret) => `${path}: ${secret}`),
  )
}
