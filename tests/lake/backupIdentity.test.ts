// `npm run lake -- backup-identity FILE`: an age identity for the backups, kept owner-only, its
// recipient printed; an export made to that recipient imports with the file, and only with it.
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runLakeCli } from '../../lake/cli.ts'
import { importDocuments, openLake } from '../../lake/index.ts'
import { formatArchive } from '../../wire/index.ts'
import { seedDocuments } from './plainTextScan.ts'
import { keyFor, sealedFolder, testCli } from './testKey.ts'

async function lake(...argv: string[]) {
  const lines: string[] = []
  const code = await runLakeCli(
    argv,
    (line) => lines.push(line),
    async () => '',
    testCli,
  )
  return { code, lines, last: lines.at(-1) ?? '' }
}

describe('npm run lake -- backup-identity', () => {
  it('writes an identity that opens exports made to the recipient it prints', async () => {
    const work = mkdtempSync(join(tmpdir(), 'identity-'))
    const identityFile = join(work, 'usb', 'backups.identity')
    const made = await lake('backup-identity', identityFile)
    expect(made.code).toBe(0)
    expect(made.last).toMatch(/^age1[a-z0-9]+$/)
    expect(statSync(identityFile).mode & 0o077).toBe(0)
    expect(readFileSync(identityFile, 'utf8')).toMatch(/^# An age identity[^\n]*\nAGE-SECRET-KEY-1[A-Z0-9]+\n$/)
    expect((await lake('backup-identity', identityFile)).last).toContain('exists already')

    const source = sealedFolder('identity-source-')
    const opened = openLake({ ...source, log: () => {} })
    importDocuments(opened.services.datasets.ensure('production'), formatArchive(seedDocuments()), { author: 'seed', replace: false })
    opened.close()
    const backup = join(work, 'backup.ndjson.age')
    expect((await lake('export', backup, '--to', made.last, '--data', source.dataDir)).last).toContain('encrypted with age')
    const target = sealedFolder('identity-target-')
    expect((await lake('import', backup, '--identity', identityFile, '--data', target.dataDir)).last).toContain(
      `Imported ${seedDocuments().length} documents (decrypted)`,
    )
    const restored = openLake({ dataDir: target.dataDir, key: keyFor(target.dataDir), log: () => {} })
    expect(restored.services.datasets.get('production').get('survivor-01')?.name).toBe('Keo Chanthy')
    restored.close()
  })
})
