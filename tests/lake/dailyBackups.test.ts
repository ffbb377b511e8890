// npm start's daily backups: one encrypted backup a day in BACKUP_DIR, the newest N kept, each
// restorable with the key it was made for; and the settings refused, with what to set, when they are unsafe.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateIdentity, identityToRecipient } from 'age-encryption'
import { describe, expect, it } from 'vitest'
import {
  backupSettingsOf,
  backupsIn,
  importArchiveStream,
  importDocuments,
  openLake,
  readExport,
  startDailyBackups,
} from '../../lake/index.ts'
import { formatArchive } from '../../wire/index.ts'
import { seedDocuments } from './plainTextScan.ts'
import { sealedFolder } from './testKey.ts'

const passphrase = 'the backups passphrase (fictional)'

describe('daily backups', () => {
  it('makes one encrypted backup a day, keeps the newest three, and each restores', async () => {
    const lake = openLake({ ...sealedFolder('daily-'), log: () => {} })
    const dataset = lake.services.datasets.ensure('production')
    importDocuments(dataset, formatArchive(seedDocuments()), { author: 'seed', replace: false })
    const folder = join(mkdtempSync(join(tmpdir(), 'backups-')), 'daily')
    let today = '2026-12-01'
    const said: string[] = []
    // To a recipient: a passphrase would cost a second of scrypt per backup.
    const identity = await generateIdentity()
    const backups = startDailyBackups({
      folder,
      keep: 3,
      lock: { recipients: [await identityToRecipient(identity)] },
      dataset,
      today: () => today,
      out: (line) => said.push(line),
    })
    for (const day of ['2026-12-01', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']) {
      today = day
      await backups.check()
    }
    await backups.stop()
    expect(backupsIn(folder, 'production')).toEqual([
      'production-2026-12-03.tar.gz.age',
      'production-2026-12-04.tar.gz.age',
      'production-2026-12-05.tar.gz.age',
    ])
    expect(said.filter((line) => line.startsWith(`Backup: ${seedDocuments().length} documents and 0 assets, encrypted`))).toHaveLength(5)
    const newest = join(folder, 'production-2026-12-05.tar.gz.age')
    expect(readFileSync(newest).subarray(0, 21).toString()).toBe('age-encryption.org/v1')
    expect(readFileSync(newest).includes(Buffer.from('Keo Chanthy'))).toBe(false)

    const restoredLake = openLake({ ...sealedFolder('daily-restored-'), log: () => {} })
    const restored = restoredLake.services.datasets.ensure('production')
    const { chunks } = await readExport(newest, async () => ({ identities: [identity] }))
    const result = await importArchiveStream(restored, chunks, {
      author: 'import',
      replace: false,
      place: { projectId: 'local', dataset: 'production', origin: 'http://localhost:4444' },
    })
    expect(result).toMatchObject({ restored: true, documents: seedDocuments().length })
    const byId = (documents: ReadonlyArray<{ _id: string }>) => JSON.stringify([...documents].sort((a, b) => a._id.localeCompare(b._id)))
    expect(byId(restored.documents())).toBe(byId(dataset.documents()))
    lake.close()
    restoredLake.close()
  }, 120_000)

  it('stops at once when the archive stops, leaving no partial backup', async () => {
    const lake = openLake({ ...sealedFolder('daily-stop-'), log: () => {} })
    const dataset = lake.services.datasets.ensure('production')
    importDocuments(dataset, formatArchive(seedDocuments()), { author: 'seed', replace: false })
    const folder = mkdtempSync(join(tmpdir(), 'backups-stop-'))
    const lock = { recipients: [await identityToRecipient(await generateIdentity())] }
    const backups = startDailyBackups({ folder, keep: 3, lock, dataset, today: () => '2026-12-01', out: () => {} })
    void backups.check()
    await backups.stop()
    lake.close()
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([])
    expect(backupsIn(folder, 'production').length).toBeLessThanOrEqual(1)
  })
})

describe('the daily backups’ settings', () => {
  it('are off without BACKUP_DIR, and keep seven days unless told', () => {
    expect(backupSettingsOf({})).toBeNull()
    expect(backupSettingsOf({ BACKUP_DIR: '/backups', BACKUP_PASSPHRASE: passphrase })).toMatchObject({ folder: '/backups', keep: 7 })
    expect(backupSettingsOf({ BACKUP_DIR: '/backups', BACKUP_TO: 'age1aaa, age1bbb', BACKUP_KEEP: '30' })).toMatchObject({
      keep: 30,
      lock: { recipients: ['age1aaa', 'age1bbb'] },
    })
  })

  it('refuse a BACKUP_DIR without anyone to open the backups, a short passphrase, and a bad count', () => {
    expect(() => backupSettingsOf({ BACKUP_DIR: '/backups' })).toThrow('not who may open the backups')
    expect(() => backupSettingsOf({ BACKUP_DIR: '/backups', BACKUP_PASSPHRASE: 'short' })).toThrow('at least 10 characters')
    expect(() => backupSettingsOf({ BACKUP_DIR: '/backups', BACKUP_PASSPHRASE: passphrase, BACKUP_KEEP: 'many' })).toThrow('BACKUP_KEEP')
  })
})
