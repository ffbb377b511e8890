// The lake's roles, expressed as GROQ-filter grants the way Sanity's custom roles are: a document
// is readable or writable by a token when the role's filter selects it. `identity()` is the user.
import { consentGateView as gateViewOf } from '../../core/index.ts'
import type { LakeDocument } from '../mutations/document.ts'
import { publicTypes } from '../../schemas/index.ts'

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
  /** What of a readable document the role is shown; the whole document when absent. */
  view?: (document: LakeDocument) => LakeDocument
  /** Of the readable documents, those whose images and files the role may load; all when absent. */
  assetsOf?: (document: LakeDocument) => boolean
}

/** A consent record as the site build sees it: what the gate reads (core's one list), nothing about the people. */
export function consentGateView(document: LakeDocument): LakeDocument {
  if (document._type !== 'consentRecord') return document
  const revision = Object.fromEntries(Object.entries(document).filter(([key]) => key === '_rev' || key === '_updatedAt'))
  return { ...revision, ...gateViewOf(document), _id: document._id, _type: document._type }
}

const list = (names: ReadonlyArray<string>) => `[${names.map((n) => JSON.stringify(n)).join(', ')}]`

/** Every document (Sanity's own filter for it; the lake reads it without evaluating it). */
export const everything = '_id in path("**")'

/** The public content the site shows beside the stories (testimonies are case records, public only through the gate). */
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
      // Images and files she uploads to her records; which of them she may load follows the records.
      { filter: `_type in ${list(assetTypes)}`, permissions: ['read', 'create'] },
    ],
  },
  // The site build asks the consent gate again, so it reads published consent records too, but
  // only the fields the gate reads (scopes, dates, hashes, withdrawals): never witness or recorder.
  publisher: {
    title: 'Publisher (read-only, published public documents and the consent records the gate reads)',
    grants: [
      {
        filter: `!(_id in path("drafts.**")) && !(_id in path("versions.**")) && _type in ${list([...publicTypes, 'consentRecord'])}`,
        permissions: ['read'],
      },
    ],
    view: consentGateView,
    // It reads consent records for the gate, never their scans.
    assetsOf: (document) => document._type !== 'consentRecord',
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
 * document, but not a testimony, whose images the site publishes only through the consent gate.
 */
export const sharesAssetsPublicly = (document: LakeDocument) =>
  !document._id.startsWith('drafts.') &&
  !document._id.startsWith('versions.') &&
  document._type !== 'testimony' &&
  (publicTypes as ReadonlyArray<string>).includes(document._type)

export function isRole(value: string): value is Role {
  return (roles as ReadonlyArray<string>).includes(value)
}
