// What the Studio offers and writes for the review steps, and why Publish waits; the rules are the
// consent core's workflow table (tests/core/workflowTable.test.ts), asked, not repeated.
import { describe, expect, it } from 'vitest'
import { aConsent, aTestimony, today } from '../../core/fixtures.ts'
import { publishMutations, publishStepRefusals, shownState, staffRole, stepEdits, stepOffered } from '../../../studio/workflow/index.ts'

const pass = { passedBy: 'supervisor-demo', passedAt: '2026-11-20T09:00:00Z' }

describe('the review steps', () => {
  it('lets a therapist submit her draft, and only a supervisor or administrator return it or pass it for read-back', () => {
    expect(stepOffered('submit', 'drafting', 'therapist')).toBe(true)
    expect(stepOffered('submit', 'supervisorReview', 'therapist')).toBe(false)
    expect(stepOffered('return', 'supervisorReview', 'therapist')).toBe(false)
    expect(stepOffered('return', 'supervisorReview', 'supervisor')).toBe(true)
    expect(stepOffered('pass', 'supervisorReview', 'administrator')).toBe(true)
    expect(stepOffered('pass', 'published', 'supervisor')).toBe(false)
    expect(stepOffered('recordApproval', 'supervisorReview', 'therapist')).toBe(false)
    expect(stepOffered('recordApproval', 'readyForReadBack', 'therapist')).toBe(true)
  })

  it('treats a testimony with no state yet as a draft', () => {
    expect(stepOffered('submit', null, 'therapist')).toBe(true)
    expect(shownState({ ...aTestimony(), _id: 'drafts.t' }, null)).toBe('drafting')
  })

  it('passes for read-back recording who passed it and when', () => {
    expect(stepEdits('pass', { publishedId: 't-1', userId: 'supervisor-demo', now: pass.passedAt, note: null })).toEqual([
      {
        actionType: 'sanity.action.document.edit',
        draftId: 'drafts.t-1',
        publishedId: 't-1',
        patch: { set: { workflowState: 'readyForReadBack', review: pass } },
      },
    ])
  })

  it('returns a draft removing the pass, with the supervisor’s comment appended, trimmed', () => {
    const edits = stepEdits('return', {
      publishedId: 't-1',
      userId: 'supervisor-demo',
      now: '2026-11-29T10:00:00Z',
      note: { _key: 'n1', text: '  Check the year of the wedding. ' },
    })
    expect(edits.map((edit) => edit.patch)).toEqual([
      { set: { workflowState: 'drafting' }, unset: ['review'] },
      { setIfMissing: { reviewNotes: [] } },
      {
        insert: {
          after: 'reviewNotes[-1]',
          items: [
            { _key: 'n1', _type: 'reviewNote', note: 'Check the year of the wedding.', by: 'supervisor-demo', at: '2026-11-29T10:00:00Z' },
          ],
        },
      },
    ])
    expect(stepEdits('submit', { publishedId: 't-1', userId: 'therapist-sophea', now: '', note: null })[0]?.patch).toEqual({
      set: { workflowState: 'supervisorReview' },
    })
  })

  it('shows an edit of a published testimony’s approved text as back at read-back before it is saved', () => {
    const published = { ...aTestimony({ _id: 't-1' }), workflowState: 'published', review: pass }
    const edited = { ...published, _id: 'drafts.t-1', hopes: { en: 'Other words.' } }
    expect(shownState(edited, published)).toBe('readyForReadBack')
    expect(shownState({ ...published, _id: 'drafts.t-1', province: 'Kampot' }, published)).toBe('published')
  })

  it('gives an unknown role the least: therapist', () => {
    expect(staffRole(['administrator', 'therapist'])).toBe('administrator')
    expect(staffRole(['supervisor'])).toBe('supervisor')
    expect(staffRole(['editor'])).toBe('therapist')
    expect(staffRole([])).toBe('therapist')
  })
})

describe('publishing', () => {
  const approved = { ...aTestimony({ _id: 'drafts.testimony-test-1' }), _rev: 'r1', workflowState: 'approved', review: pass }
  const consents = [aConsent(aTestimony())]
  const refusals = (draft: Record<string, unknown>) =>
    publishStepRefusals({ draft, published: null, role: 'therapist', userId: 'therapist-sophea', consents, today, language: 'en' })

  it('waits for the survivor’s approval and a supervisor’s pass, and says so', () => {
    expect(refusals(approved)).toEqual([])
    expect(refusals({ ...approved, review: undefined }).join()).toContain('No supervisor has passed this testimony')
    expect(refusals({ ...approved, workflowState: 'supervisorReview' }).join()).toContain('A supervisor passes it for read-back')
  })

  it('publishes the draft exactly as judged, marked published, only if the stored draft is still that revision', () => {
    const draft = {
      _id: 'drafts.testimony-07',
      _type: 'testimony',
      _rev: 'rev-judged',
      _updatedAt: '2026-11-29T08:00:00Z',
      title: { en: 'T' },
    }
    const [guard, publish, drop, ...rest] = publishMutations('testimony-07', draft, { consents: [], previousStory: null })
    expect(guard).toEqual({
      patch: { id: 'drafts.testimony-07', ifRevisionID: 'rev-judged', unset: ['_empty_action_guard_pseudo_field_'] },
    })
    expect(publish).toEqual({
      createOrReplace: { _id: 'testimony-07', _type: 'testimony', title: { en: 'T' }, workflowState: 'published' },
    })
    expect(drop).toEqual({ delete: { id: 'drafts.testimony-07' } })
    // Without her consent there is no public story to write.
    expect(rest).toEqual([])
  })

  it('writes the public story of what it publishes: the public version as her consent allows, nothing private', () => {
    const testimony = aTestimony({ _id: 'drafts.testimony-07', survivor: { _ref: 'survivor-07' }, reviewNotes: [{ note: 'PRIVATE NOTE' }] })
    const draft = { ...testimony, _rev: 'rev-judged', workflowState: 'approved' }
    const consent = aConsent({ ...testimony, _id: 'testimony-07' })
    const [, , , story] = publishMutations('testimony-07', draft, { consents: [consent], previousStory: null })
    expect(story).toEqual({
      createOrReplace: expect.objectContaining({ _id: 'publicStory-testimony-07', slug: 'a-story-of-the-rice-fields' }),
    })
    const written = JSON.stringify(story)
    for (const privateWord of ['survivor-07', 'PRIVATE NOTE', 'Sreyneang', 'Kok Prasat', 'Neang'])
      expect(written).not.toContain(privateWord)
    expect(written).toContain('A woman from Takeo province')
  })
})
