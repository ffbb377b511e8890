// Reads the hand-written seed content from seed/content and builds the archive's documents.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { seedArchive, type SeedDocument } from './seedArchive.ts'
import { seedReference, seedTestimony } from './seedContent.ts'

export const seedFolder = new URL('.', import.meta.url).pathname
export const seedArchivePath = join(seedFolder, 'archive.ndjson')

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(JSON.parse(await readFile(join(seedFolder, 'content', file), 'utf8')))
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ')
    throw new Error(`seed/content/${file} does not have the expected shape (${where}). Fix the file and run npm run seed:build again.`)
  }
  return parsed.data
}

export async function buildSeedArchive(): Promise<SeedDocument[]> {
  const testimonies = await readJson('testimonies.json', z.array(seedTestimony))
  const reference = await readJson('reference.json', seedReference)
  return seedArchive(testimonies, reference)
}
