// Withdrawing consent: one transaction that records the withdrawal and, when the consent core no
// longer allows the published testimony, unpublishes it, keeps its text as a withdrawn draft and
// empties its public story (the address stays, for the neutral page).
import { describe, expect, it } from 'vitest'
import { planWithdrawal } from '../../../studio/workflow/index.ts'
import { aConsent, aTestimony, today } from '../../core/fixtures.ts'

const testimony = aTestimony({ _id: 'testimony-test-1' })
const base = { testimonyId: 'testimony-test-1', method: 'phone', today, recordedBy: 'therapist-sovann', key: 'w1', previousStory: null }

describe('withdrawing consent', () => {
  it('adds the withdrawal of everything she allowed, unpublishes, keeps a withdrawn draft and empties the public story', () => {
    const previousStory = { _id: 'publicStory-testimony-test-1', _type: 'publicStory', slug: 'a-story-of-the-rice-fields', story: {} }
    const plan = planWithdrawal({ ...base, published: testimony, draft: null, consents: [aConsent(testimony)], previousStory })
    if (!plan.possible) throw new Error('not possible')
    expect(plan.unpublishes).toBe(true)
    expect(plan.scopes).toEqual(['ceremonyReading', 'website', 'teaching'])
    expect(plan.mutations).toEqual([
      {
        patch: {
          id: 'consent-test-1',
          setIfMissing: { withdrawals: [] },
          insert: {
            after: 'withdrawals[-1]',
            items: [{ _key: 'w1', _type: 'withdrawal', date: today, method: 'phone', recordedBy: 'therapist-sovann', scopes: plan.scopes }],
          },
        },
      },
      { createOrReplace: expect.objectContaining({ _id: 'drafts.testimony-test-1', _type: 'testimony', workflowState: 'withdrawn' }) },
      { delete: { id: 'testimony-test-1' } },
      {
        createOrReplace: {
          _id: 'publicStory-testimony-test-1',
          _type: 'publicStory',
          testimonyId: 'testimony-test-1',
          slug: 'a-story-of-the-rice-fields',
          consents: [expect.objectContaining({ _id: 'consent-test-1', withdrawals: [{ date: today, scopes: plan.scopes }] })],
        },
      },
    ])
    expect(JSON.stringify(plan.mutations.at(-1))).not.toContain('rice fields')
  })

  it('marks an unpublished draft withdrawn without deleting anything', () => {
    const plan = planWithdrawal({
      ...base,
      published: null,
      draft: { ...testimony, _id: 'drafts.testimony-test-1' },
      consents: [aConsent(testimony)],
    })
    if (!plan.possible) throw new Error('not possible')
    expect(plan.mutations.map((m) => Object.keys(m)[0])).toEqual(['patch', 'createOrReplace'])
  })

  it('has nothing to withdraw when no consent was recorded', () => {
    expect(planWithdrawal({ ...base, published: testimony, draft: null, consents: [] })).toEqual({
      possible: false,
      reason: 'noConsent',
    })
  })
})
