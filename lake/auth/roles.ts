// The lake's roles, expressed as GROQ-filter grants the way Sanity's custom roles are: a document
// is readable or writable by a token when the role's filter selects it. `identity()` is the user.
import type { LakeDocument } from '../mutations/document.ts'
import { publicTypes } from '../../schemas/index.ts'
import { isPublishedId, publishedOnly } from '../../core/index.ts'

export const roles = ['administrator', 'supervisor', 'therapist', 'publisher'] as const
export type Role = (typeof roles)[number]

/** What a grant allows, as Sanity names it; the lake reads create and update alike as "may write". */
export type Permission = 'read' | 'history' | 'create' | 'update'

/** A Sanity grant: the documents its GROQ filter selects may be used as its permissions say. */
export interface Grant {
  filter: string
  permissions: ReadonlyArray<Permission>
}

export interface RoleGrants {
  title: string
  /** Several grants, as the ACL endpoint gives them to the Studio; a document may be used as any grant selecting it allows. */
  grants: ReadonlyArray<Grant>
}

const list = (names: ReadonlyArray<string>) => `[${names.map((n) => JSON.stringify(n)).join(', ')}]`

/** Every document (Sanity's own filter for it; the lake reads it without evaluating it). */
export const everything = '_id in path("**")'

/** The public content the site shows beside the stories (testimonies are case records; what the site shows of one is its public story). */
export const publicContentTypes = ['ceremony', 'theme', 'lesson', 'glossaryTerm', 'supportService', 'siteSettings'] as const
const assetTypes = ['sanity.imageAsset', 'sanity.fileAsset']

// A therapist works on her own survivors' records only: their survivor records, the testimonies
// she writes down, their consent records and follow-up calls (each names its therapist, since a
// grant filter sees one document at a time). The Studio evaluates the same filter against a new
// document's initial values, so she may create a record that names her.
const ownCaseRecords = `(_type == "survivor" && assignedTherapist == identity()) || (_type in ${list(['testimony', 'consentRecord', 'followUp'])} && therapist == identity())`
const reads: ReadonlyArray<Permission> = ['read', 'history']
const writes: ReadonlyArray<Permission> = ['create', 'update']
// Only the erase itself writes an erasure record, never a write through the API.
const notErasure = '_type != "erasureRecord"'

/** The roles table of the README ("Roles"): who reads and writes which documents. */
export const roleGrants: Record<Role, RoleGrants> = {
  administrator: {
    title: 'Administrator',
    grants: [
      { filter: everything, permissions: reads },
      { filter: notErasure, permissions: writes },
    ],
  },
  supervisor: {
    title: 'Clinical supervisor',
    grants: [
      { filter: everything, permissions: reads },
      { filter: `!(_type in ${list(['siteSettings', 'erasureRecord'])})`, permissions: writes },
    ],
  },
  therapist: {
    title: 'Therapist',
    grants: [
      { filter: ownCaseRecords, permissions: [...reads, ...writes] },
      { filter: `_type in ${list(publicContentTypes)}`, permissions: reads },
      { filter: '_type == "erasureRecord"', permissions: ['read'] },
      // She publishes and withdraws her testimonies, which rewrites their public stories (the lake
      // derives each again from the testimony and her consent records, whatever was sent).
      { filter: '_type == "publicStory"', permissions: [...reads, ...writes] },
      // Images and files she uploads to her records; which of them she may load follows the records.
      { filter: `_type in ${list(assetTypes)}`, permissions: ['read', 'create'] },
    ],
  },
  // The site build reads what the site shows and nothing else: public stories (never a testimony or
  // a consent record, whose fields a grant on hosted Sanity could not cut) and the public content.
  publisher: {
    title: 'Publisher (read-only: public stories and public content, published)',
    grants: [
      {
        filter: `${publishedOnly} && _type in ${list(publicTypes)}`,
        permissions: ['read'],
      },
    ],
  },
}

/** Why a role may not write a document of this type, in words that say who does. */
export function writeRefusal(role: Role, type: string): string {
  if (type === 'erasureRecord') return 'erasure records are written only by an administrator’s erase of a testimony'
  if (role === 'publisher') return 'the publisher role only reads'
  if (type === 'siteSettings') return 'only an administrator changes the site settings'
  if (role === 'therapist' && (publicContentTypes as ReadonlyArray<string>).includes(type))
    return 'a therapist reads the public content and changes none of it; ask a supervisor'
  if (role === 'therapist') return 'a therapist writes only the records that name her (assignedTherapist or therapist)'
  return `the ${role} role may not write it`
}

/**
 * Whether a document lends its images and files to a reader without a token: a published public
 * document, but not a public story, whose recording the site publishes only with its tags removed.
 */
export const sharesAssetsPublicly = (document: LakeDocument) =>
  isPublishedId(document._id) && document._type !== 'publicStory' && (publicTypes as ReadonlyArray<string>).includes(document._type)

export function isRole(value: string): value is Role {
  return (roles as ReadonlyArray<string>).includes(value)
}
