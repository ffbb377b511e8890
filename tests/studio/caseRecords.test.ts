// Case records in the Studio: Sanity's actions that would go around the archive are gone, each role
// is offered what it may create.
import { describe, expect, it } from 'vitest'
import { keepsSanityAction, mayCreate } from '../../studio/records/index.ts'

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
})
