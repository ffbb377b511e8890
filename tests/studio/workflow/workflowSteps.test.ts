// Who may move a testimony along the review steps, and what each step writes.
import { describe, expect, it } from 'vitest'
import { publishMutations, staffRole, stepAvailable, stepPatch } from '../../../studio/workflow/index.ts'

describe('the review steps', () => {
  it('lets a therapist submit her draft, and only a supervisor or administrator return it or pass it for read-back', () => {
    expect(stepAvailable('submitForReview', 'drafting', 'therapist')).toBe(true)
    expect(stepAvailable('submitForReview', 'supervisorReview', 'therapist')).toBe(false)
    expect(stepAvailable('returnToTherapist', 'supervisorReview', 'therapist')).toBe(false)
    expect(stepAvailable('returnToTherapist', 'supervisorReview', 'supervisor')).toBe(true)
    expect(stepAvailable('readyForReadBack', 'supervisorReview', 'administrator')).toBe(true)
    expect(stepAvailable('readyForReadBack', 'published', 'supervisor')).toBe(false)
  })

  it('treats a testimony with no state yet as a draft', () => {
    expect(stepAvailable('submitForReview', undefined, 'therapist')).toBe(true)
  })

  it('returns a draft with the supervisor’s comment appended, trimmed', () => {
    expect(
      stepPatch('returnToTherapist', {
        _key: 'n1',
        note: '  Check the year of the wedding. ',
        by: 'supervisor-demo',
        at: '2026-11-29T10:00:00Z',
      }),
    ).toEqual({
      set: { workflowState: 'drafting' },
      append: [
        { _key: 'n1', _type: 'reviewNote', note: 'Check the year of the wedding.', by: 'supervisor-demo', at: '2026-11-29T10:00:00Z' },
      ],
    })
    expect(stepPatch('submitForReview', null)).toEqual({ set: { workflowState: 'supervisorReview' } })
  })

  it('gives an unknown role the least: therapist', () => {
    expect(staffRole(['administrator', 'therapist'])).toBe('administrator')
    expect(staffRole(['supervisor'])).toBe('supervisor')
    expect(staffRole(['editor'])).toBe('therapist')
    expect(staffRole([])).toBe('therapist')
  })
})

describe('publishing', () => {
  it('publishes the draft exactly as judged, marked published, only if the stored draft is still that revision', () => {
    const draft = {
      _id: 'drafts.testimony-07',
      _type: 'testimony',
      _rev: 'rev-judged',
      _updatedAt: '2026-11-29T08:00:00Z',
      title: { en: 'T' },
    }
    const [guard, publish, drop] = publishMutations('testimony-07', draft)
    expect(guard).toEqual({
      patch: { id: 'drafts.testimony-07', ifRevisionID: 'rev-judged', unset: ['_empty_action_guard_pseudo_field_'] },
    })
    expect(publish).toEqual({
      createOrReplace: { _id: 'testimony-07', _type: 'testimony', title: { en: 'T' }, workflowState: 'published' },
    })
    expect(drop).toEqual({ delete: { id: 'drafts.testimony-07' } })
  })
})
