// The lake's roles, expressed as GROQ-filter grants the way Sanity's custom roles are: a document
// is readable or writable by a token when the role's filter selects it. `identity()` is the user.
import { privateTypes, publicTypes } from '../../schemas/index.ts'

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
// A therapist works on her own survivors' records only: their survivor records, the testimonies
// she writes down, their consent records and follow-up calls (each names its therapist, since a
// grant filter sees one document at a time); everything else public-facing she may read.
const ownRecords = `(_type != "survivor" || assignedTherapist == identity()) && (!(_type in ${list(['testimony', 'consentRecord', 'followUp'])}) || therapist == identity())`

export const roleGrants: Record<Role, RoleGrants> = {
  administrator: { title: 'Administrator', read: null, write: null },
  supervisor: { title: 'Clinical supervisor', read: null, write: null },
  therapist: { title: 'Therapist', read: ownRecords, write: ownRecords },
  publisher: {
    title: 'Publisher (read-only, published public documents)',
    read: `!(_id in path("drafts.**")) && !(_id in path("versions.**")) && _type in ${list(publicTypes)} && !(_type in ${list(privateTypes)})`,
    write: 'none',
  },
}

export function isRole(value: string): value is Role {
  return (roles as ReadonlyArray<string>).includes(value)
}
