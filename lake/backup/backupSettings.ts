// The daily backups' settings, read from the environment and checked: BACKUP_DIR (unset: no daily
// backups), BACKUP_KEEP (how many days are kept, 7 unless set), and who may open them: the age
// recipients in BACKUP_TO (comma-separated) and BACKUP_RECIPIENTS_FILE, or BACKUP_PASSPHRASE.
import { resolve } from 'node:path'
import { z } from 'zod'
import { passphraseProblem } from '../accounts/passphrase.ts'
import { readRecipientsFile, type BackupLock } from './ageLock.ts'
import { parseOrExplain } from '../../core/index.ts'

export interface BackupSettings {
  folder: string
  keep: number
  lock: BackupLock
}

const backupEnv = z.object({
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(3650).default(7),
  BACKUP_TO: z.string().optional(),
  BACKUP_RECIPIENTS_FILE: z.string().min(1).optional(),
  BACKUP_PASSPHRASE: z.string().optional(),
})

export function backupSettingsOf(env: Record<string, string | undefined>): BackupSettings | null {
  const settings = parseOrExplain(backupEnv, env, 'the backup settings', 'BACKUP_KEEP is a number of days, 1 or more (README, "Backups").')
  if (!settings.BACKUP_DIR) return null
  const recipients = [
    ...(settings.BACKUP_TO ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean),
    ...(settings.BACKUP_RECIPIENTS_FILE ? readRecipientsFile(settings.BACKUP_RECIPIENTS_FILE) : []),
  ]
  let lock: BackupLock
  if (recipients.length > 0 && settings.BACKUP_PASSPHRASE)
    throw new Error('Give the backups either recipients (BACKUP_TO) or a passphrase (BACKUP_PASSPHRASE), not both')
  if (recipients.length > 0) lock = { recipients }
  else if (settings.BACKUP_PASSPHRASE) {
    const problem = passphraseProblem(settings.BACKUP_PASSPHRASE)
    if (problem) throw new Error(`BACKUP_PASSPHRASE: ${problem}`)
    lock = { passphrase: settings.BACKUP_PASSPHRASE }
  } else
    throw new Error(
      'BACKUP_DIR is set, but not who may open the backups: set BACKUP_TO to age recipients (age1…), ' +
        'BACKUP_RECIPIENTS_FILE to a file of them, or BACKUP_PASSPHRASE (README, "Backups")',
    )
  return { folder: resolve(settings.BACKUP_DIR), keep: settings.BACKUP_KEEP, lock }
}
