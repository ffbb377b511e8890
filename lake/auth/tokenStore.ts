// API tokens of the lake, stored hashed (SHA-256) in SQLite: a token is shown once, when created.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { FolderKey } from '../atRest/dataKey.ts'
import { openSqlite, type SqliteDatabase, type Statement } from '../atRest/sqliteFile.ts'
import { z } from 'zod'
import { badRequest, notFound } from '../errors.ts'
import { isRole, roles, type Role } from './roles.ts'

export interface LakeUser {
  id: string
  name: string
  role: Role
}

export interface TokenInfo extends LakeUser {
  tokenId: string
  createdAt: string
  revokedAt: string | null
}

const tokenRow = z.object({
  token_id: z.string(),
  user_id: z.string(),
  name: z.string(),
  role: z.enum(roles),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
})

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

export class TokenStore {
  readonly #db: SqliteDatabase
  #byHash: Statement | null = null

  constructor(file: string, key: FolderKey) {
    this.#db = openSqlite(file, key)
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      CREATE TABLE IF NOT EXISTS tokens (
        token_id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, user_id TEXT NOT NULL, name TEXT NOT NULL,
        role TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
    `)
  }

  /** Creates a token for a user; the secret is returned once and only its hash is kept. */
  create(input: { name: string; role: string; userId?: string; now: Date }): { token: string; info: TokenInfo } {
    if (!isRole(input.role)) throw badRequest(`Role "${input.role}" does not exist; choose one of ${roles.join(', ')}`)
    if (input.name.trim() === '') throw badRequest('A token needs the name of the person or program that will use it')
    const token = `lake_${randomBytes(24).toString('base64url')}`
    const tokenId = randomUUID().slice(0, 8)
    const userId = input.userId ?? `${input.role}-${tokenId}`
    this.#db
      .prepare('INSERT INTO tokens (token_id, hash, user_id, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(tokenId, hashOf(token), userId, input.name, input.role, input.now.toISOString())
    return { token, info: { tokenId, id: userId, name: input.name, role: input.role, createdAt: input.now.toISOString(), revokedAt: null } }
  }

  /** The user a token stands for, or null for an unknown or revoked token. */
  authenticate(token: string): LakeUser | null {
    // Asked on every request: prepared once (better-sqlite3 compiles a statement on each prepare).
    this.#byHash ??= this.#db.prepare('SELECT * FROM tokens WHERE hash = ? AND revoked_at IS NULL')
    const row = this.#byHash.get(hashOf(token))
    if (!row) return null
    const parsed = tokenRow.parse(row)
    return { id: parsed.user_id, name: parsed.name, role: parsed.role }
  }

  list(): TokenInfo[] {
    return this.#db
      .prepare('SELECT * FROM tokens ORDER BY created_at')
      .all()
      .map((row) => {
        const r = tokenRow.parse(row)
        return { tokenId: r.token_id, id: r.user_id, name: r.name, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at }
      })
  }

  revoke(tokenId: string, now: Date): void {
    const result = this.#db
      .prepare('UPDATE tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL')
      .run(now.toISOString(), tokenId)
    if (result.changes === 0) throw notFound(`No active token with id "${tokenId}"; \`npm run lake -- token list\` shows them`)
  }

  close(): void {
    this.#db.close()
  }
}
