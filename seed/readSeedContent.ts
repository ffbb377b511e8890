// Reads the hand-written seed content from seed/content and builds the archive's documents.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { seedArchive, type SeedDocument } from './seedArchive.ts'
import { seedReference, seedTestimony } from './seedContent.ts'
import { parseOrExplain } from '../core/index.ts'

export const seedFolder = new URL('.', import.meta.url).pathname
export const seedArchivePath = join(seedFolder, 'archive.ndjson')

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const json: unknown = JSON.parse(await readFile(join(seedFolder, 'content', file), 'utf8'))
  return parseOrExplain(schema, json, `seed/content/${file}`, 'fix the file and run npm run seed:build again.')
}

export async function buildSeedArchive(): Promise<SeedDocument[]> {
  const testimonies = await readJson('testimonies.json', z.array(seedTestimony))
  const reference = await readJson('reference.json', seedReference)
  return seedArchive(testimonies, reference)
}
