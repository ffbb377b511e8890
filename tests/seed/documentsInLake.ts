// Loads documents into a throw-away lake and validates them there with Sanity's validator, so that
// rules which query the dataset (unique slugs) run against real data, over the real client.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importDocuments, openLake, serveLake, throwawayKey } from '../../lake/index.ts'
import { formatArchive, lakeClient, type ArchiveDocument } from '../../wire/index.ts'
import { validateArchiveDocuments, type DocumentProblem } from '../../schemas/documentValidation.ts'

export async function checkDocumentsInLake(documents: ReadonlyArray<ArchiveDocument>): Promise<DocumentProblem[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'archive-check-'))
  const lake = openLake({ dataDir, key: throwawayKey(dataDir), log: () => {} })
  try {
    const dataset = lake.services.datasets.ensure('production')
    importDocuments(dataset, formatArchive(documents), { author: 'seed-check', replace: true })
    const { token } = lake.services.tokens.create({ name: 'Seed check', role: 'administrator', now: new Date() })
    const server = await serveLake(lake, 0)
    try {
      const client = lakeClient({ port: server.port, token })
      return await validateArchiveDocuments(
        dataset.documents().map((d) => ({ _createdAt: '', _updatedAt: '', _rev: '', ...d })),
        client,
      )
    } finally {
      await server.close()
    }
  } finally {
    lake.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
