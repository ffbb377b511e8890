// The lake's staff accounts, their sessions and their wrong passphrases, in one SQLite file of the
// data folder (accounts.sqlite), with what an administrator does to them: add, new passphrase,
// disable, list. A new passphrase or a disabled account ends the person's sessions.
import type { FolderKey } from '../atRest/dataKey.ts'
import { openSqlite, type SqliteDatabase } from '../atRest/sqliteFile.ts'
import { badRequest } from '../errors.ts'
import { AccountStore, type StaffAccount } from './accountStore.ts'
import { hashPassphrase, passphraseProblem } from './passphrase.ts'
import { SessionStore } from './sessionStore.ts'
import { WrongPassphraseStore } from './wrongPassphraseStore.ts'

export interface AccountListing extends StaffAccount {
  /** When a lock after wrong passphrases ends, or null. */
  lockedUntil: string | null
  openSessions: number
}

export class StaffAccounts {
  readonly accounts: AccountStore
  readonly sessions: SessionStore
  readonly wrongPassphrases: WrongPassphraseStore
  readonly #db: SqliteDatabase

  constructor(file: string, key: FolderKey) {
    this.#db = openSqlite(file, key)
    // The lake and `npm run lake -- user …` may write at the same moment: wait rather than fail.
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;')
    this.accounts = new AccountStore(this.#db)
    this.sessions = new SessionStore(this.#db)
    this.wrongPassphrases = new WrongPassphraseStore(this.#db)
  }

  async add(input: { userId: string; name: string; role: string; passphrase: string; now: Date }): Promise<StaffAccount> {
    this.accounts.refuseNew(input)
    const problem = passphraseProblem(input.passphrase)
    if (problem) throw badRequest(problem)
    return this.accounts.add({ ...input, passphraseHash: await hashPassphrase(input.passphrase) })
  }

  /** Sets a new passphrase, ends the person's sessions and lifts a lock; the number of sessions ended. */
  async changePassphrase(userId: string, passphrase: string, now: Date): Promise<number> {
    this.accounts.existing(userId)
    const problem = passphraseProblem(passphrase)
    if (problem) throw badRequest(problem)
    this.accounts.setPassphrase(userId, await hashPassphrase(passphrase), now)
    this.wrongPassphrases.clear(userId)
    return this.sessions.endAllOf(userId, now, 'passphrase-changed')
  }

  /** Disables the account and ends its sessions; the number of sessions ended. */
  disable(userId: string, now: Date): number {
    this.accounts.disable(userId, now)
    return this.sessions.endAllOf(userId, now, 'disabled')
  }

  list(now: Date): AccountListing[] {
    return this.accounts.list().map((account) => {
      const lockedUntil = this.wrongPassphrases.get(account.id)?.lockedUntil ?? null
      return {
        ...account,
        lockedUntil: lockedUntil !== null && lockedUntil > now.getTime() ? new Date(lockedUntil).toISOString() : null,
        openSessions: this.sessions.openCount(account.id, now),
      }
    })
  }

  close(): void {
    this.#db.close()
  }
}
