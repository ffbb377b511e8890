// The edit-after-approval rule: an edit of any text the survivor approves sends an approved or
// published testimony's draft back for read-back; an edit of anything else, or a reflow, does not.
import { describe, expect, it } from 'vitest'
import { approvesCurrentText, sendsBackForReadBack, type TestimonyDocument } from '../../core/index.ts'
import { aConsent, aTestimony } from './fixtures.ts'
import { version } from './workflowScenario.ts'

const asDraft = (document: TestimonyDocument) => ({ ...document, _id: 'drafts.testimony-test-1' })
const editOf = (state: 'approved' | 'published', edit: Partial<TestimonyDocument>) => {
  const before = version(state)
  const group = state === 'published' ? { draft: null, published: before } : { draft: before, published: null }
  return sendsBackForReadBack(group, { draft: asDraft({ ...before, ...edit }), published: group.published })
}

describe('an edit after her approval', () => {
  it.each([
    ['her own title', { title: { en: 'Another title', km: 'ខ្ញុំឈ្មោះស្រីនាង' } }],
    ['the full text', { body: { km: [], en: [] } }],
    ['her hopes', { hopes: { en: 'Other hopes.', km: 'ខ្ញុំសង្ឃឹមថាចៅៗរបស់ខ្ញុំនឹងដឹង។' } }],
    ['the public byline', { publicVersion: { ...aTestimony().publicVersion, byline: { en: 'A woman', km: 'ស្ត្រីម្នាក់' } } }],
    ['the first name shown', { publicVersion: { ...aTestimony().publicVersion, firstName: { en: 'Srey', km: 'នាង' } } }],
  ])('of %s sends it back for read-back', (_what, edit) => {
    expect(editOf('approved', edit)).toBe(true)
    expect(editOf('published', edit)).toBe(true)
  })

  it('of a field she does not approve, or a reflowed paragraph, does not', () => {
    expect(editOf('approved', { province: 'Kampot', themes: [] })).toBe(false)
    expect(editOf('approved', { hopes: { en: '  I hope my  grandchildren\nknow. ', km: 'ខ្ញុំសង្ឃឹមថាចៅៗរបស់ខ្ញុំនឹងដឹង។' } })).toBe(false)
  })

  it('does not apply before her approval, nor when the same change records her withdrawal', () => {
    const draft = version('readyForReadBack')
    expect(sendsBackForReadBack({ draft, published: null }, { draft: { ...draft, hopes: { en: 'New' } }, published: null })).toBe(false)
    expect(editOf('approved', { hopes: { en: 'New' }, workflowState: 'withdrawn' })).toBe(false)
  })
})

describe('an approval of the current text', () => {
  it('is a consent whose hash matches one of the texts as they stand', () => {
    expect(approvesCurrentText(aTestimony(), aConsent(aTestimony()))).toBe(true)
    // Her Khmer full text is as she approved it; the English hopes changed since.
    const hopes = { ...aTestimony().hopes, en: 'Changed.' }
    expect(approvesCurrentText(aTestimony({ hopes }), aConsent(aTestimony(), { approvedPublicText: {} }))).toBe(true)
    expect(approvesCurrentText(aTestimony(), aConsent(aTestimony({ title: { en: 'Old' }, publicVersion: {} })))).toBe(false)
    expect(approvesCurrentText(aTestimony(), null)).toBe(false)
  })
})
