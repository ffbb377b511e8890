// A withdrawal binds whichever of her records it is written in, from its date; only a record given
// after that date, listing the scope again, grants it anew.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  bindingWithdrawal,
  consentGate,
  everythingWithdrawn,
  projectPublicTestimony,
  type ConsentDocument,
  type GateDecision,
  type PublicationRequest,
} from '../../core/index.ts'
import { anyConsentHistory, anyScope, anyWithdrawal, everyRequest } from './consentHistories.ts'
import { aConsent, aTestimony, today } from './fixtures.ts'

const testimony = aTestimony()
const website: PublicationRequest = { use: 'website', form: 'anonymous', language: 'en' }
const reasonsOf = (decision: GateDecision) => (decision.allowed ? [] : decision.reasons)
const ask = (consents: ConsentDocument[], request: PublicationRequest = website) => consentGate({ testimony, consents, request, today })

// Two records: the older one, given in 2025, and the newer, given in March 2026.
const older = (overrides: Partial<ConsentDocument> = {}) =>
  aConsent(testimony, { _id: 'consent-older', dateGiven: '2025-06-01', ...overrides })
const newer = (overrides: Partial<ConsentDocument> = {}) =>
  aConsent(testimony, { _id: 'consent-newer', dateGiven: '2026-03-12', ...overrides })

describe('a withdrawal in any of her records', () => {
  it('refuses when the older record withdraws the scope on a day after the newer one was given', () => {
    const withdrawn = older({ withdrawals: [{ date: '2026-05-01', scopes: ['website'] }] })
    expect(reasonsOf(ask([withdrawn, newer()]))).toEqual([{ code: 'scopeWithdrawn', scope: 'website', date: '2026-05-01' }])
    expect(reasonsOf(ask([newer(), withdrawn]))).toEqual([{ code: 'scopeWithdrawn', scope: 'website', date: '2026-05-01' }])
  })

  it('is granted again by a record given after it that lists the scope', () => {
    const withdrawn = older({ withdrawals: [{ date: '2026-01-05', scopes: ['website'] }] })
    expect(ask([withdrawn, newer()]).allowed).toBe(true)
  })

  it('still binds when the later record does not list the scope', () => {
    const withdrawn = older({ withdrawals: [{ date: '2026-01-05', scopes: ['website'] }] })
    expect(reasonsOf(ask([withdrawn, newer({ scopes: ['ceremonyReading'] })]))).toEqual([
      { code: 'scopeWithdrawn', scope: 'website', date: '2026-01-05' },
    ])
  })

  it('still binds a record given the same day', () => {
    const withdrawn = older({ withdrawals: [{ date: '2026-03-12', scopes: ['website'] }] })
    expect(reasonsOf(ask([withdrawn, newer()]))).toEqual([{ code: 'scopeWithdrawn', scope: 'website', date: '2026-03-12' }])
  })

  it('is never undone by the record it is written in, whatever the dates say', () => {
    const inItself = newer({ withdrawals: [{ date: '2026-01-01', scopes: ['website'] }] })
    expect(reasonsOf(ask([older(), inItself]))).toEqual([{ code: 'scopeWithdrawn', scope: 'website', date: '2026-01-01' }])
  })

  it('binds even when written in a record that was never given a date', () => {
    const undated = older({ dateGiven: null, withdrawals: [{ date: '2026-05-01', scopes: ['website'] }] })
    expect(reasonsOf(ask([undated, newer()]))).toEqual([{ code: 'scopeWithdrawn', scope: 'website', date: '2026-05-01' }])
  })

  it('counts only in her given records: not in a draft, not in another testimony’s', () => {
    const draft = older({ _id: 'drafts.consent-older', withdrawals: [{ date: '2026-05-01', scopes: ['website'] }] })
    const other = older({ testimony: { _ref: 'testimony-other' }, withdrawals: [{ date: '2026-05-01', scopes: ['website'] }] })
    expect(ask([draft, other, newer()]).allowed).toBe(true)
  })

  it('leaves nothing to withdraw once every scope of the record in force is taken back, in whichever record', () => {
    const inForce = newer({ scopes: ['website', 'teaching'] })
    expect(everythingWithdrawn(testimony._id, [older(), inForce])).toBe(false)
    const partly = older({ withdrawals: [{ date: '2026-04-01', scopes: ['website'] }] })
    expect(everythingWithdrawn(testimony._id, [partly, inForce])).toBe(false)
    const rest = { ...inForce, withdrawals: [{ date: '2026-05-01', scopes: ['teaching' as const] }] }
    expect(everythingWithdrawn(testimony._id, [partly, rest])).toBe(true)
    expect(everythingWithdrawn(testimony._id, [])).toBe(false)
  })

  it('names the latest withdrawal of the scope when several bind', () => {
    const first = older({ withdrawals: [{ date: '2026-04-01', scopes: ['website'] }] })
    const second = newer({ withdrawals: [{ date: '2026-06-01', scopes: ['website', 'teaching'] }] })
    expect(bindingWithdrawal(testimony._id, [second, first], 'website')?.date).toBe('2026-06-01')
  })
})

describe('properties of the withdrawal rule', () => {
  const decisions = (consents: ConsentDocument[]) => everyRequest.map((request) => ask(consents, request))
  const projections = (consents: ConsentDocument[]) =>
    (['website', 'teaching', 'research'] as const).map((use) => projectPublicTestimony({ testimony, consents, use, today }))

  it('the order of the records never matters', () => {
    fc.assert(
      fc.property(
        anyConsentHistory(testimony).chain((history) =>
          fc.tuple(fc.constant(history), fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length })),
        ),
        ([history, shuffled]) => {
          expect(decisions(shuffled)).toEqual(decisions(history))
          expect(projections(shuffled)).toEqual(projections(history))
        },
      ),
    )
  })

  it('adding a withdrawal to any record never makes anything more public', () => {
    fc.assert(
      fc.property(anyConsentHistory(testimony), fc.nat(), anyWithdrawal, (history, which, withdrawal) => {
        fc.pre(history.length > 0)
        const index = which % history.length
        const withdrawn = history.map((record, i) =>
          i === index ? { ...record, withdrawals: [...(record.withdrawals ?? []), withdrawal] } : record,
        )
        const [before, after] = [decisions(history), decisions(withdrawn)]
        after.forEach((decision, i) => {
          if (decision.allowed) expect(before[i]?.allowed).toBe(true)
        })
        const [wasPublic, isPublic] = [projections(history), projections(withdrawn)]
        isPublic.forEach((projection, i) => {
          if (projection.public) expect(wasPublic[i]?.public).toBe(true)
        })
      }),
    )
  })

  it('a record given after every other, listing a scope, re-opens it exactly when it is given after each withdrawal of it', () => {
    fc.assert(
      fc.property(anyConsentHistory(testimony), anyScope, (history, scope) => {
        const dates = history.flatMap((r) => (r.dateGiven ? [r.dateGiven] : []))
        fc.pre(dates.every((date) => date < today))
        const renewed = aConsent(testimony, { _id: 'consent-renewed', dateGiven: today, scopes: ['website', 'teaching', scope] })
        const after = [...history, renewed]
        // The oracle, from the written rule: withdrawn while one of her given records withdraws it on or after today.
        const stillBinding = history.some(
          (r) =>
            !r._id.startsWith('drafts.') &&
            r.testimony._ref === testimony._id &&
            (r.withdrawals ?? []).some((w) => w.scopes.includes(scope) && w.date >= today),
        )
        expect(bindingWithdrawal(testimony._id, after, scope) !== null).toBe(stillBinding)
        if (scope === 'website') expect(ask(after).allowed).toBe(!stillBinding)
      }),
    )
  })
})
