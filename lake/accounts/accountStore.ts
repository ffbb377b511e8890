// Named staff accounts, in SQLite: the user id documents store (e.g. `therapist-sovann`), the name
// shown, the role, the passphrase's scrypt hash and whether the account was disabled.
import type { SqliteDatabase } from '../atRest/sqliteFile.ts'
import { z } from 'zod'
import { badRequest, conflict, notFound } from '../errors.ts'
import type { Role } from '../auth/roles.ts'

/** Roles a person signs in with; `publisher` is for the site build and stays token-only. */
export const staffRoles = ['administrator', 'supervisor', 'therapist'] as const satisfies ReadonlyArray<Role>
export type StaffRole = (typeof staffRoles)[number]

/** User ids as documents store them: lower case, digits, dots, dashes and underscores. */
export const userIdPattern = /^[a-z0-9][a-z0-9._-]{0,63}$/

export interface StaffAccount {
  id: string
  name: string
  role: StaffRole
  createdAt: string
  updatedAt: string
  disabledAt: string | null
}

const accountRow = z.object({
  user_id: z.string(),
  name: z.string(),
  role: z.enum(staffRoles),
  passphrase: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  disabled_at: z.string().nullable(),
})

const accountOf = (row: z.infer<typeof accountRow>): StaffAccount => ({
  id: row.user_id,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  disabledAt: row.disabled_at,
})

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as ReadonlyArray<string>).includes(value)
}

export class AccountStore {
  readonly #db: SqliteDatabase

  constructor(db: SqliteDatabase) {
    this.#db = db
    db.exec(`CREATE TABLE IF NOT EXISTS accounts (
      user_id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, passphrase TEXT NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, disabled_at TEXT)`)
  }

  /** Refuses, with the reason, an account that could not be added; before asking for a passphrase. */
  refuseNew(input: { userId: string; name: string; role: string }): asserts input is { userId: string; name: string; role: StaffRole } {
    if (!userIdPattern.test(input.userId))
      throw badRequest(
        `User id "${input.userId}" is not usable: use lower-case letters, digits, dots, dashes or underscores, e.g. therapist-sovann`,
      )
    if (!isStaffRole(input.role))
      throw badRequest(
        `Role "${input.role}" is not a staff role; choose one of ${staffRoles.join(', ')} (the publisher signs in with \`token create\`)`,
      )
    if (input.name.trim() === '') throw badRequest('An account needs the name shown for the person, e.g. --name "Sovann"')
    if (this.#row(input.userId))
      throw conflict(`An account "${input.userId}" exists already; \`user passwd ${input.userId}\` gives it a new passphrase`)
  }

  add(input: { userId: string; name: string; role: string; passphraseHash: string; now: Date }): StaffAccount {
    this.refuseNew(input)
    const now = input.now.toISOString()
    this.#db
      .prepare('INSERT INTO accounts (user_id, name, role, passphrase, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.userId, input.name.trim(), input.role, input.passphraseHash, now, now)
    return { id: input.userId, name: input.name.trim(), role: input.role, createdAt: now, updatedAt: now, disabledAt: null }
  }

  get(userId: string): StaffAccount | null {
    const row = this.#row(userId)
    return row ? accountOf(row) : null
  }

  /** The account, or a "no account" error naming where to look. */
  existing(userId: string): StaffAccount {
    const account = this.get(userId)
    if (!account) throw this.#unknown(userId)
    return account
  }

  /** The stored hash of an account's passphrase, or null for an unknown id. */
  passphraseHash(userId: string): string | null {
    return this.#row(userId)?.passphrase ?? null
  }

  list(): StaffAccount[] {
    return this.#db
      .prepare('SELECT * FROM accounts ORDER BY user_id')
      .all()
      .map((row) => accountOf(accountRow.parse(row)))
  }

  setPassphrase(userId: string, passphraseHash: string, now: Date): void {
    const result = this.#db
      .prepare('UPDATE accounts SET passphrase = ?, updated_at = ? WHERE user_id = ?')
      .run(passphraseHash, now.toISOString(), userId)
    if (result.changes === 0) throw this.#unknown(userId)
  }

  disable(userId: string, now: Date): void {
    if (this.existing(userId).disabledAt) return
    const at = now.toISOString()
    this.#db.prepare('UPDATE accounts SET disabled_at = ?, updated_at = ? WHERE user_id = ?').run(at, at, userId)
  }

  #row(userId: string) {
    const row = this.#db.prepare('SELECT * FROM accounts WHERE user_id = ?').get(userId)
    return row ? accountRow.parse(row) : null
  }

  #unknown(userId: string) {
    return notFound(`No account "${userId}"; \`npm run lake -- user list\` shows them`)
  }
}
