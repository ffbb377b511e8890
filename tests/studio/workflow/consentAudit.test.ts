// The consent audit reads who recorded, changed or withdrew consent from the transaction history,
// and the CSV it exports can not run formulas in a spreadsheet.
import { describe, expect, it } from 'vitest'
import { auditCsv, auditEvents, csv, historyTransaction } from '../../../studio/workflow/index.ts'

const tx = (id: string, timestamp: string, author: string, before: unknown, after: unknown) =>
  historyTransaction.parse({
    id,
    timestamp,
    author,
    documentIDs: ['consent-1'],
    effects: { 'consent-1': { apply: [0, after], revert: [0, before] } },
  })

describe('the consent audit', () => {
  it('tells recording, changing and withdrawing apart, and who did each when', () => {
    const record = { _type: 'consentRecord', withdrawals: [] }
    const events = auditEvents(
      [
        tx(
          't3',
          '2026-11-03T09:00:00Z',
          'therapist-dara',
          { ...record, reviewDate: 'x' },
          { ...record, withdrawals: [{ date: '2026-11-03' }] },
        ),
        tx('t1', '2026-11-01T09:00:00Z', 'therapist-sovann', null, record),
        tx('t2', '2026-11-02T09:00:00Z', 'supervisor-demo', record, { ...record, reviewDate: 'x' }),
      ],
      new Map([['consent-1', 'testimony-03']]),
    )
    expect(events.map((e) => [e.author, e.action, e.testimonyId])).toEqual([
      ['therapist-sovann', 'recorded', 'testimony-03'],
      ['supervisor-demo', 'changed', 'testimony-03'],
      ['therapist-dara', 'withdrew', 'testimony-03'],
    ])
    expect(auditCsv(events).split('\r\n')[1]).toBe('2026-11-01T09:00:00Z,therapist-sovann,recorded,consent-1,testimony-03')
  })

  it('quotes cells that a spreadsheet would run as formulas, and commas and quotes', () => {
    expect(csv(['a', 'b'], [['=HYPERLINK("x")', 'one, two']])).toBe('a,b\r\n"\'=HYPERLINK(""x"")","one, two"\r\n')
  })
})
