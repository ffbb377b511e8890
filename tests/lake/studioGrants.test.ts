// The grants the lake gives the Studio (/acl), evaluated by Sanity's own grant check, as the Studio
// greys out what a role may not create or change: a therapist may start her own case records, named
// after her through their initial values, and no public content; nobody writes erasure records.
import { grantsPermissionOn, type Grant } from 'sanity'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { roles, type Role } from '../../lake/index.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'

let harness: LakeHarness
const grants = new Map<Role, Grant[]>()
// The ACL answer, checked as the Studio would need it: filters and Sanity's permission names.
const acl = z.array(z.object({ filter: z.string(), permissions: z.array(z.enum(['read', 'create', 'update', 'history', 'editHistory'])) }))
const users: Record<Role, string> = {
  administrator: 'admin-test',
  supervisor: 'supervisor-test',
  therapist: 'therapist-sophea',
  publisher: 'publisher-test',
}
beforeAll(async () => {
  harness = await startLake()
  for (const role of roles)
    grants.set(role, acl.parse(await harness.client(role).request({ url: '/projects/local/datasets/production/acl' })))
}, 60_000)
afterAll(async () => {
  await harness.stop()
})

/** A new document as the Studio checks it: the id and type of its template, and its initial values. */
const newDocument = (type: string, initialValues: Record<string, unknown> = {}) => ({
  _id: 'drafts.dummy-id',
  _type: type,
  _createdAt: '',
  _updatedAt: '',
  _rev: '',
  ...initialValues,
})

/** Whether the Studio lets this role create a new document of this type, with these initial values. */
const mayCreate = async (role: Role, type: string, initialValues: Record<string, unknown> = {}) =>
  (await grantsPermissionOn(users[role], grants.get(role) ?? [], 'create', newDocument(type, initialValues))).granted

describe('the grants the Studio evaluates', () => {
  it('let a therapist create a survivor, testimony, consent record or follow-up that names her, and none naming another', async () => {
    expect(await mayCreate('therapist', 'survivor', { assignedTherapist: 'therapist-sophea' })).toBe(true)
    for (const type of ['testimony', 'consentRecord', 'followUp']) {
      expect(await mayCreate('therapist', type, { therapist: 'therapist-sophea' })).toBe(true)
      expect(await mayCreate('therapist', type, { therapist: 'therapist-dara' })).toBe(false)
      expect(await mayCreate('therapist', type)).toBe(false)
    }
  })

  it('let a therapist read the public content but create none of it, nor an erasure record', async () => {
    for (const type of ['ceremony', 'theme', 'lesson', 'glossaryTerm', 'supportService', 'siteSettings', 'erasureRecord']) {
      expect(await mayCreate('therapist', type)).toBe(false)
      const read = await grantsPermissionOn(users.therapist, grants.get('therapist') ?? [], 'read', newDocument(type))
      expect(read.granted).toBe(true)
    }
  })

  it('let a supervisor write every case record and the public content but the site settings; an administrator those too', async () => {
    for (const type of ['survivor', 'testimony', 'consentRecord', 'followUp', 'ceremony', 'theme', 'lesson', 'supportService'])
      expect(await mayCreate('supervisor', type)).toBe(true)
    expect(await mayCreate('supervisor', 'siteSettings')).toBe(false)
    expect(await mayCreate('administrator', 'siteSettings')).toBe(true)
  })

  it('let nobody write an erasure record, and the publisher nothing at all', async () => {
    for (const role of ['administrator', 'supervisor', 'therapist', 'publisher'] as const)
      expect(await mayCreate(role, 'erasureRecord')).toBe(false)
    expect(await mayCreate('publisher', 'theme')).toBe(false)
    expect(grants.get('publisher')?.map((grant) => grant.permissions)).toEqual([['read']])
  })
})
