// Generated consent histories for property tests: several records per testimony, records given the
// same day (told apart by when they were recorded, or not at all), withdrawals written in any record,
// dated before, on or after other records, drafts and other testimonies' records that must not count.
import fc from 'fast-check'
import {
  approvableText,
  consentScopes,
  publicLanguages,
  textHash,
  type ConsentDocument,
  type ConsentScope,
  type PublicationRequest,
  type TestimonyDocument,
  type Withdrawal,
} from '../../core/index.ts'

/** Days around the tests' today (2026-11-29): long before, the day before, today, the day after. */
export const historyDays = ['2025-06-01', '2025-06-02', '2026-01-10', '2026-11-28', '2026-11-29', '2026-11-30'] as const
const recordedAt = [null, '2026-01-10T01:00:00Z', '2026-01-10T09:00:00Z'] as const
const reviewDays = ['2026-11-29', '2027-06-01', '2028-01-01', '2028-01-01'] as const
/** A day a record is given: seldom the day after today. */
const anyDayGiven = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...historyDays.filter((day) => day <= '2026-11-29')) },
  { weight: 1, arbitrary: fc.constant('2026-11-30') },
)

export const anyWithdrawal: fc.Arbitrary<Withdrawal> = fc.record({
  date: fc.constantFrom(...historyDays),
  scopes: fc.subarray([...consentScopes], { minLength: 1 }),
})

/** Which texts a record approves: the current ones (most often), one language only, or an older wording. */
const approvals = ['current', 'current', 'current', 'current', 'current', 'current', 'kmOnly', 'older'] as const

function hashes(testimony: TestimonyDocument, which: 'full' | 'public', approval: (typeof approvals)[number]) {
  const hashOf = (language: 'km' | 'en') => {
    const text = approvableText(testimony, which, language)
    return approval === 'older' ? textHash(`${text} (before an edit)`) : textHash(text)
  }
  return approval === 'kmOnly' ? { km: hashOf('km') } : { km: hashOf('km'), en: hashOf('en') }
}

/** Consent records of one testimony (with ids unique and unordered), and now and then a draft or another testimony's. */
export function anyConsentHistory(testimony: TestimonyDocument, options: { maxRecords?: number } = {}): fc.Arbitrary<ConsentDocument[]> {
  const record = fc.record({
    kind: fc.constantFrom('given', 'given', 'given', 'given', 'given', 'given', 'draft', 'other'),
    dateGiven: fc.option(anyDayGiven, { nil: null, freq: 8 }),
    createdAt: fc.constantFrom(...recordedAt),
    reviewDate: fc.constantFrom(...reviewDays),
    // Scopes biased towards publication, so that the answers are yes about as often as no.
    publishable: fc.boolean(),
    scopes: fc.subarray([...consentScopes]),
    approval: fc.constantFrom(...approvals),
    withdrawals: fc.oneof(
      { weight: 5, arbitrary: fc.constant<Withdrawal[]>([]) },
      { weight: 2, arbitrary: fc.array(anyWithdrawal, { minLength: 1, maxLength: 2 }) },
    ),
  })
  const ids = fc.uniqueArray(fc.stringMatching(/^[a-z]{4}$/), { minLength: options.maxRecords ?? 4, maxLength: options.maxRecords ?? 4 })
  return fc.tuple(fc.array(record, { minLength: 1, maxLength: options.maxRecords ?? 4 }), ids).map(([records, names]) =>
    records.map((r, index): ConsentDocument => {
      const id = `consent-${names[index] ?? index}`
      return {
        _id: r.kind === 'draft' ? `drafts.${id}` : id,
        _type: 'consentRecord',
        ...(r.createdAt ? { _createdAt: r.createdAt } : {}),
        testimony: { _ref: r.kind === 'other' ? 'testimony-other' : testimony._id.replace(/^drafts\./, '') },
        scopes: r.publishable ? [...new Set([...r.scopes, 'website' as const, 'teaching' as const])] : r.scopes,
        dateGiven: r.dateGiven,
        reviewDate: r.reviewDate,
        approvedText: hashes(testimony, 'full', r.approval),
        approvedPublicText: hashes(testimony, 'public', r.approval),
        withdrawals: r.withdrawals,
      }
    }),
  )
}

/** Every request the gate can be asked: each use, form, language, and each medium alone. */
export const everyRequest: PublicationRequest[] = (['ceremony', 'website', 'teaching', 'research', 'eccc'] as const).flatMap((use) =>
  (['anonymous', 'firstName'] as const).flatMap((form) =>
    publicLanguages.flatMap((language) =>
      [[], ['photograph'] as const, ['voiceRecording'] as const].map((media) => ({ use, form, language, media: [...media] })),
    ),
  ),
)

export const anyScope: fc.Arbitrary<ConsentScope> = fc.constantFrom(...consentScopes)

/**
 * The testimony as it stands now, from the one the histories approved: unchanged, with its Khmer or
 * English public text edited after approval, with no English public text, or with no public text.
 */
export function anyTestimonyNow(approved: TestimonyDocument): fc.Arbitrary<TestimonyDocument> {
  const version = approved.publicVersion ?? {}
  return fc
    .constantFrom('unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'editKm', 'editEn', 'dropEn', 'noPublicText')
    .map((now): TestimonyDocument => {
      if (now === 'noPublicText') return { ...approved, publicVersion: null }
      const [editKm, editEn, dropEn] = [now === 'editKm', now === 'editEn', now === 'dropEn']
      const hopes = {
        km: `${version.hopes?.km ?? ''}${editKm ? ' ថ្មី' : ''}`,
        en: `${version.hopes?.en ?? ''}${editEn ? ' (edited)' : ''}`,
      }
      const body = dropEn ? { km: version.body?.km } : version.body
      return { ...approved, publicVersion: { ...version, hopes, body } }
    })
}
