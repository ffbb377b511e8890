// The lake's roles, expressed as GROQ-filter grants the way Sanity's custom roles are: a document
// is readable or writable by a token when the role's filter selects it. `identity()` is the user.
import { publicTypes } from '../../schemas/index.ts'

export const roles = ['administrator', 'supervisor', 'therapist', 'publisher'] as const
export type Role = (typeof roles)[number]

export interface RoleGrants {
  title: string
  /** GROQ filter of the documents the role may read; null for all. */
  read: string | null
  /** GROQ filter of the documents the role may create, change or delete; 'none' for read-only. */
  write: string | null | 'none'
}

const list = (names: ReadonlyArray<string>) => `[${names.map((n) => JSON.stringify(n)).join(', ')}]`
// A therapist works on her own survivors' records only; everything public-facing she may read.
const ownRecords = `(_type != "survivor" || assignedTherapist == identity()) && (!(_type in ${list(['followUp'])}) || therapist == identity())`

export const roleGrants: Record<Role, RoleGrants> = {
  administrator: { title: 'Administrator', read: null, write: null },
  supervisor: { title: 'Clinical supervisor', read: null, write: null },
  therapist: { title: 'Therapist', read: ownRecords, write: ownRecords },
  // The site build asks the consent gate again, so it reads published consent records too (the
  // site's loader fetches only the fields the gate reads: scopes, dates, hashes, withdrawals).
  publisher: {
    title: 'Publisher (read-only, published public documents and the consent records the gate reads)',
    read: `!(_id in path("drafts.**")) && !(_id in path("versions.**")) && _type in ${list([...publicTypes, 'consentRecord'])}`,
    write: 'none',
  },
}

export function isRole(value: string): value is Role {
  return (roles as ReadonlyArray<string>).includes(value)
}
