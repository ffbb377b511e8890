// Who may read and write what: the roles' GROQ-filter grants, seen through @sanity/client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { apiVersionPath } from '../../core/index.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake()
  await harness
    .client('administrator')
    .transaction()
    .create({ _id: 'survivor-own', _type: 'survivor', name: 'Own (fictional)', assignedTherapist: 'therapist-sophea' })
    .create({ _id: 'survivor-other', _type: 'survivor', name: 'Other (fictional)', assignedTherapist: 'therapist-dara' })
    .create({ _id: 'theme-public', _type: 'theme', title: { en: 'Public theme' } })
    .create({ _id: 'drafts.theme-public', _type: 'theme', title: { en: 'Draft of the theme' } })
    .create({ _id: 'consent-1', _type: 'consentRecord', testimony: { _ref: 'testimony-1', _weak: true } })
    .commit()
})
afterAll(async () => {
  await harness.stop()
})

describe('roles', () => {
  it('lets a therapist read only her own survivors’ records', async () => {
    const ids = await harness.client('therapist').fetch<string[]>('*[_type == "survivor"]._id')
    expect(ids).toEqual(['survivor-own'])
    const { documents, omitted } = await harness
      .client('therapist')
      .request<{ documents: unknown[]; omitted: unknown[] }>({ url: '/data/doc/production/survivor-other' })
    expect(documents).toEqual([])
    expect(omitted).toEqual([{ id: 'survivor-other', reason: 'permission' }])
  })

  it('refuses a therapist a change to another therapist’s survivor', async () => {
    await expect(harness.client('therapist').patch('survivor-other').set({ phone: '000 000 199' }).commit()).rejects.toMatchObject({
      statusCode: 403,
    })
    expect((await harness.client('administrator').getDocument('survivor-other'))?.phone).toBeUndefined()
  })

  it('refuses a therapist to hand her survivor to another therapist she could then not see', async () => {
    await expect(
      harness.client('therapist').patch('survivor-own').set({ assignedTherapist: 'therapist-dara' }).commit(),
    ).rejects.toMatchObject({ statusCode: 403 })
  })

  it('lets a therapist see only the testimonies she writes down and their consent records', async () => {
    const admin = harness.client('administrator')
    await admin
      .transaction()
      .create({ _id: 'drafts.testimony-own', _type: 'testimony', therapist: 'therapist-sophea' })
      .create({ _id: 'drafts.testimony-other', _type: 'testimony', therapist: 'therapist-dara' })
      .create({
        _id: 'consent-own',
        _type: 'consentRecord',
        therapist: 'therapist-sophea',
        testimony: { _ref: 'testimony-own', _weak: true },
      })
      .create({
        _id: 'consent-other',
        _type: 'consentRecord',
        therapist: 'therapist-dara',
        testimony: { _ref: 'testimony-other', _weak: true },
      })
      .commit()
    const seen = await harness.client('therapist').fetch<string[]>('*[_type in ["testimony", "consentRecord"]]._id | order(@)')
    expect(seen).toEqual(['consent-own', 'drafts.testimony-own'])
  })

  it('refuses a consent record for another therapist’s testimony, even one naming herself', async () => {
    await expect(
      harness.client('therapist').create({
        _id: 'consent-forged',
        _type: 'consentRecord',
        therapist: 'therapist-sophea',
        testimony: { _ref: 'testimony-other', _weak: true },
      }),
    ).rejects.toMatchObject({ statusCode: 409, message: expect.stringContaining("belongs to its testimony's therapist") })
  })

  it('refuses a therapist the public content, a supervisor the site settings, and everyone erasure records, saying who writes them', async () => {
    await expect(harness.client('therapist').create({ _id: 'theme-mine', _type: 'theme' })).rejects.toMatchObject({
      statusCode: 403,
      message: expect.stringContaining('a therapist reads the public content and changes none of it'),
    })
    await expect(harness.client('therapist').patch('theme-public').set({ x: 1 }).commit()).rejects.toMatchObject({ statusCode: 403 })
    await expect(harness.client('supervisor').createOrReplace({ _id: 'drafts.siteSettings', _type: 'siteSettings' })).rejects.toMatchObject(
      {
        statusCode: 403,
        message: expect.stringContaining('only an administrator changes the site settings'),
      },
    )
    await harness.client('administrator').createOrReplace({ _id: 'drafts.siteSettings', _type: 'siteSettings' })
    for (const role of ['therapist', 'supervisor', 'administrator'] as const)
      await expect(harness.client(role).create({ _id: `erasure-${role}`, _type: 'erasureRecord' })).rejects.toMatchObject({
        statusCode: 403,
        message: expect.stringContaining('erasure records are written only by an administrator’s erase'),
      })
    expect(await harness.client('therapist').fetch('count(*[_type in ["theme", "siteSettings"]])')).toBe(3)
  })

  it('lets a supervisor read everyone’s records', async () => {
    expect(await harness.client('supervisor').fetch('count(*[_type == "survivor"])')).toBe(2)
  })

  it('shows the publisher only published documents of public types, never a consent record, even in the raw perspective', async () => {
    const ids = await harness.client('publisher').fetch<string[]>('*[]._id', {}, { perspective: 'raw' })
    expect(ids.sort()).toEqual(['theme-public'])
  })

  it('refuses every write by the publisher', async () => {
    await expect(harness.client('publisher').create({ _id: 'x', _type: 'theme' })).rejects.toMatchObject({
      statusCode: 403,
      message: expect.stringContaining('may only read'),
    })
  })

  it('answers /users/me and the ACL from the role', async () => {
    const me = await harness.client('therapist').request<{ id: string; roles: Array<{ name: string }> }>({ url: '/users/me' })
    expect(me).toMatchObject({ id: 'therapist-sophea', roles: [{ name: 'therapist' }] })
    const acl = await harness
      .client('publisher')
      .request<Array<{ permissions: string[] }>>({ url: '/projects/local/datasets/production/acl' })
    expect(acl[0]?.permissions).toEqual(['read'])
  })
})

describe('the streaming export', () => {
  it('streams, as NDJSON, only the documents the token may read', async () => {
    const lines = async (role: 'therapist' | 'publisher') => {
      const response = await fetch(`http://127.0.0.1:${harness.port}${apiVersionPath}/data/export/production`, {
        headers: { Authorization: `Bearer ${harness.tokens[role]}` },
      })
      expect(response.headers.get('content-type')).toContain('application/x-ndjson')
      return (await response.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)._id)
    }
    expect((await lines('publisher')).sort()).toEqual(['theme-public'])
    const therapistSees = await lines('therapist')
    expect(therapistSees).toContain('survivor-own')
    expect(therapistSees).not.toContain('survivor-other')
  })
})
