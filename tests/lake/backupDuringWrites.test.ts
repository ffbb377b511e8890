// `npm run lake -- export` while another process writes gives a consistent snapshot (each
// two-document transaction both or neither) that `npm run lake -- import` loads into a fresh lake.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLake } from '../../lake/index.ts'
import { lakeClient, parseArchive } from '../../wire/index.ts'
import { freshDataDir, runLakeCommand, startLakeProcess } from './lakeProcess.ts'
import { keyFor, sealedFolder } from './testKey.ts'

/** Ids of the documents a data folder holds, after an import into it. */
async function importedIds(file: string): Promise<string[]> {
  // Made here with the tests' small key cost; the import opens it with the tests' passphrase.
  const { dataDir } = sealedFolder('lake-restore-')
  expect(await runLakeCommand(['import', file, '--data', dataDir])).toMatch(/Imported \d+ documents/)
  const lake = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
  const ids = lake.services.datasets
    .get('production')
    .documents()
    .map((d) => d._id)
  lake.close()
  return ids.sort()
}

describe('backups during writes', () => {
  it('exports a consistent snapshot while another process writes, and imports it into a fresh lake', async () => {
    const { dataDir, token } = freshDataDir('lake-backup-')
    const lake = await startLakeProcess(dataDir)
    const client = lakeClient({ port: lake.port, token })
    let writing = true
    const writer = (async () => {
      for (let i = 0; writing; i++)
        await client
          .transaction()
          .create({ _id: `pair-${i}-a`, _type: 'theme', pair: i })
          .create({ _id: `pair-${i}-b`, _type: 'theme', pair: i })
          .commit({ visibility: 'async' })
    })()
    const out = mkdtempSync(join(tmpdir(), 'lake-backup-out-'))
    await new Promise((resolve) => setTimeout(resolve, 150))
    for (const file of ['snapshot.ndjson', 'snapshot.tar.gz'])
      await runLakeCommand(['export', join(out, file), '--plain', '--data', dataDir])
    writing = false
    await writer
    await lake.kill()

    const exported = parseArchive(readFileSync(join(out, 'snapshot.ndjson'), 'utf8')).map((d) => d._id)
    expect(exported.length).toBeGreaterThan(2)
    const halves = exported.filter((id) => !exported.includes(id.endsWith('-a') ? id.replace(/-a$/, '-b') : id.replace(/-b$/, '-a')))
    expect(halves).toEqual([])
    expect(await importedIds(join(out, 'snapshot.ndjson'))).toEqual([...exported].sort())
    const fromArchive = await importedIds(join(out, 'snapshot.tar.gz'))
    expect(fromArchive.length % 2).toBe(0)
    expect(fromArchive.length).toBeGreaterThanOrEqual(exported.length)
  }, 120_000) // five processes of the lake's command line, each starting in seconds on the loaded 2-core machine
})
