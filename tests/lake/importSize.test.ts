// An archive too large for one transaction is refused before anything is written, with the size,
// the limit and how to split it; one within the limit imports whole.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importDocuments, openLake } from '../../lake/index.ts'
import { formatArchive } from '../../wire/index.ts'
import { seedDocuments } from './plainTextScan.ts'
import { keyFor } from './testKey.ts'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'lake-import-size-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

describe('importing an archive', () => {
  it('refuses one larger than one transaction may hold, imports nothing, and says how to split it', () => {
    const lake = openLake({ dataDir, key: keyFor(dataDir), log: () => {} })
    const dataset = lake.services.datasets.ensure('production')
    const archive = formatArchive(seedDocuments())
    const maxBytes = 1024 * 1024
    const tooLarge = `${archive}\n${archive.replaceAll('"_id":"', '"_id":"copy-').repeat(Math.ceil(maxBytes / archive.length))}`
    expect(() => importDocuments(dataset, tooLarge, { author: 'test', replace: false, maxBytes })).toThrow(
      /holds \d+ MB; one import is one transaction, of at most 1 MB\. Nothing was imported\. Split the file by lines \(split -C 1m/,
    )
    expect(dataset.documents()).toHaveLength(0)
    expect(importDocuments(dataset, archive, { author: 'test', replace: false, maxBytes }).documents).toBe(seedDocuments().length)
    lake.close()
  })
})
