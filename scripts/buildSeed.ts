// `npm run seed:build`: regenerates seed/archive.ndjson from the hand-written seed/content.
import { writeFile } from 'node:fs/promises'
import { buildSeedArchive, seedArchivePath } from '../seed/index.ts'
import { formatArchive } from '../wire/index.ts'

const documents = await buildSeedArchive()
await writeFile(seedArchivePath, formatArchive(documents))
console.log(`Wrote ${documents.length} documents to ${seedArchivePath}`)
