// Case records in the Studio: Sanity's actions that would go around the archive are gone, each role
// is offered what it may create, and a new record is the signed-in therapist's own.
import { describe, expect, it } from 'vitest'
import { keepsSanityAction, mayCreate, ownerOf } from '../../studio/records/index.ts'

const user = (role: string) => ({ id: `${role}-demo`, name: role, email: '', role, roles: [{ name: role, title: role }] })

describe('case records in the Studio', () => {
  it('drops Delete, Duplicate, Unpublish and Schedule from case records, and keeps Publish and Discard', () => {
    for (const type of ['testimony', 'consentRecord', 'survivor', 'followUp'])
      for (const action of ['delete', 'duplicate', 'unpublish', 'schedule']) expect(keepsSanityAction(type, action)).toBe(false)
    expect(keepsSanityAction('testimony', 'publish')).toBe(true)
    expect(keepsSanityAction('testimony', 'discardChanges')).toBe(true)
    expect(keepsSanityAction('lesson', 'delete')).toBe(true)
    expect(keepsSanityAction('lesson', 'schedule')).toBe(false)
  })

  it('offers a therapist her case records only, and the public content to supervisors', () => {
    expect(['survivor', 'testimony', 'followUp'].every((type) => mayCreate('therapist', type))).toBe(true)
    expect(['consentRecord', 'lesson', 'siteSettings', 'erasureRecord', 'ceremony'].some((type) => mayCreate('therapist', type))).toBe(
      false,
    )
    expect(mayCreate('supervisor', 'lesson')).toBe(true)
    expect(mayCreate('supervisor', 'siteSettings')).toBe(false)
    expect(mayCreate('administrator', 'siteSettings')).toBe(true)
    expect(mayCreate('administrator', 'erasureRecord')).toBe(false)
  })

  it('names the signed-in therapist in her new records, and nobody in a supervisor’s', () => {
    expect(ownerOf('survivor', user('therapist'))).toEqual({ assignedTherapist: 'therapist-demo' })
    expect(ownerOf('testimony', user('therapist'))).toEqual({ therapist: 'therapist-demo' })
    expect(ownerOf('testimony', user('supervisor'))).toEqual({})
    expect(ownerOf('lesson', user('therapist'))).toEqual({})
  })
})
