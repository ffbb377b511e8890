// The lake's roles, expressed as GROQ-filter grants the way Sanity's custom roles are: a document
// is readable or writable by a token when the role's filter selects it. `identity()` is the user.
import { consentGateView as gateViewOf } from '../../core/index.ts'
import type { LakeDocument } from '../mutations/document.ts'
import { publicTypes } from '../../schemas/index.ts'

export const roles = ['administrator', 'supervisor', 'therapist', 'publisher'] as const
export type Role = (typeof roles)[number]

export interface RoleGrants {
  title: string
  /** GROQ filter of the documents the role may read; null for all. */
  read: string | null
  /** GROQ filter of the documents the role may create, change or delete; 'none' for read-only. */
  write: string | null | 'none'
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
// A therapist works on her own survivors' records only: their survivor records, the testimonies
// she writes down, their consent records and follow-up calls (each names its therapist, since a
// grant filter sees one document at a time); everything else public-facing she may read.
const ownRecords = `(_type != "survivor" || assignedTherapist == identity()) && (!(_type in ${list(['testimony', 'consentRecord', 'followUp'])}) || therapist == identity())`

export const roleGrants: Record<Role, RoleGrants> = {
  administrator: { title: 'Administrator', read: null, write: null },
  supervisor: { title: 'Clinical supervisor', read: null, write: null },
  therapist: { title: 'Therapist', read: ownRecords, write: ownRecords },
  // The site build asks the consent gate again, so it reads published consent records too, but
  // only the fields the gate reads (scopes, dates, hashes, withdrawals): never witness or recorder.
  publisher: {
    title: 'Publisher (read-only, published public documents and the consent records the gate reads)',
    read: `!(_id in path("drafts.**")) && !(_id in path("versions.**")) && _type in ${list([...publicTypes, 'consentRecord'])}`,
    write: 'none',
    view: consentGateView,
    // It reads consent records for the gate, never their scans.
    assetsOf: (document) => document._type !== 'consentRecord',
  },
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
