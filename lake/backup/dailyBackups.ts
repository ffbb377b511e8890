// The daily backups `npm start` keeps when BACKUP_DIR is set: once a day (checked at start and
// every hour), the dataset exported encrypted with age, with its assets and history
// (`<dataset>-<day>.tar.gz.age`), and only the newest `keep` of them left in the folder.
// Stopping aborts a backup under way; its partial file is removed.
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Dataset } from '../dataset.ts'
import type { BackupLock } from './ageLock.ts'
import { writeExport } from './backupFile.ts'

export interface DailyBackupOptions {
  folder: string
  keep: number
  lock: BackupLock
  dataset: Dataset
  /** The programme's day (YYYY-MM-DD), which names the day's backup. */
  today: () => string
  out: (line: string) => void
  checkEveryMs?: number
}

const backupName = (dataset: string, day: string) => `${dataset}-${day}.tar.gz.age`

/** The folder's backups of the dataset, oldest first. */
export function backupsIn(folder: string, dataset: string): string[] {
  const pattern = new RegExp(`^${dataset.replace(/[-_]/g, '\\$&')}-\\d{4}-\\d{2}-\\d{2}\\.tar\\.gz\\.age$`)
  return readdirSync(folder)
    .filter((name) => pattern.test(name))
    .sort()
}

export function startDailyBackups(options: DailyBackupOptions) {
  mkdirSync(options.folder, { recursive: true, mode: 0o700 })
  const abort = new AbortController()
  let running: Promise<void> = Promise.resolve()

  async function backUpToday(): Promise<void> {
    const day = options.today()
    const name = backupName(options.dataset.name, day)
    if (backupsIn(options.folder, options.dataset.name).includes(name)) return
    try {
      const counts = await writeExport(options.dataset, join(options.folder, name), {
        lock: options.lock,
        now: new Date(),
        signal: abort.signal,
      })
      const old = backupsIn(options.folder, options.dataset.name).slice(0, -options.keep)
      for (const file of old) rmSync(join(options.folder, file), { force: true })
      options.out(
        `Backup: ${counts.documents} documents and ${counts.assets} assets, encrypted, in ${join(options.folder, name)}` +
          (old.length > 0 ? ` (${old.length} older removed; the newest ${options.keep} kept).` : '.'),
      )
    } catch (error) {
      if (!abort.signal.aborted)
        options.out(`Backup failed: ${error instanceof Error ? error.message : String(error)}. It is tried again within the hour.`)
    }
  }

  const check = () => {
    running = running.then(backUpToday)
    return running
  }
  const timer = setInterval(() => void check(), options.checkEveryMs ?? 60 * 60 * 1000)
  timer.unref()
  return {
    /** Makes today's backup if there is none yet; resolves when it is written. */
    check,
    async stop(): Promise<void> {
      clearInterval(timer)
      abort.abort()
      await running
    },
  }
}
