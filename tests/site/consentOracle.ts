// What the site must show of a testimony, written from the rules as README.md and consent.md state
// them, without calling the consent core: the oracle of the randomized end-to-end test.
//
// - Only a published testimony may be public; on the website it needs the "website" scope.
// - The record in force is her given record of latest date; of two given the same day, the one
//   recorded last.
// - A withdrawal written in any of her records binds; only a record given on a later day that lists
//   the scope again grants it anew (a record never grants again what is withdrawn in itself).
// - The consent must be given (its date not after today) and not past its review date: a review date
//   passes at midnight in Phnom Penh (UTC+7), so on the review date it no longer holds.
// - Every language the public version has text in must be approved as it stands: her record stores
//   the SHA-256 of "the approved text" (the public title, byline, first name, text and hopes, each
//   that is not blank, one per line; the text a line per paragraph), normalised (NFC, every run of
//   white space folded to one space, the ends trimmed).
// - The first name is shown only with the "firstName" scope, the recording only with "voiceRecording".
// - A story once public that is not public now has a neutral page: "removed at its author's request"
//   when she withdrew (the website scope), "no longer available" otherwise.
import { createHash } from 'node:crypto'

export type Scope = 'website' | 'firstName' | 'voiceRecording' | 'teaching' | 'ceremonyReading'
export type Language = 'km' | 'en'

export interface OracleWithdrawal {
  date: string
  scopes: Scope[]
}
export interface OracleRecord {
  id: string
  given: string
  recordedAt: string
  review: string
  scopes: Scope[]
  /** The hash she approved, per language. */
  approved: Partial<Record<Language, string>>
  withdrawals: OracleWithdrawal[]
}
export interface PublicText {
  title: string
  byline: string
  firstName: string
  body: string[]
  hopes: string
}

/** "The approved text" of a public version in one language, and its hash, as README.md defines them. */
export function approvedTextHash(text: PublicText): string {
  const parts = [text.title, text.byline, text.firstName, text.body.join('\n'), text.hopes].filter((part) => part.trim() !== '')
  const normalised = parts
    .join('\n')
    .normalize('NFC')
    .replace(/[\s\u200B\u2060\uFEFF]+/gu, ' ')
    .trim()
  return `sha256:${createHash('sha256').update(normalised, 'utf8').digest('hex')}`
}

export interface Expected {
  public: boolean
  form: 'firstName' | 'anonymous'
  audio: boolean
  /** Not public now: whether the neutral page says she withdrew. */
  withdrawn: boolean
}

export function expectedOnSite(input: {
  published: boolean
  texts: Partial<Record<Language, PublicText>>
  hasRecording: boolean
  records: ReadonlyArray<OracleRecord>
  today: string
}): Expected {
  const inForce = [...input.records].sort((a, b) => b.given.localeCompare(a.given) || b.recordedAt.localeCompare(a.recordedAt))[0]
  const withdrawn = (scope: Scope) =>
    input.records.some((record) =>
      record.withdrawals.some(
        (w) =>
          w.scopes.includes(scope) && !(inForce && inForce.id !== record.id && inForce.scopes.includes(scope) && inForce.given > w.date),
      ),
    )
  const grants = (scope: Scope) => inForce !== undefined && inForce.scopes.includes(scope) && !withdrawn(scope)
  const languages = (['km', 'en'] as const).filter((language) => input.texts[language])
  const approvedAsItStands = languages.every((language) => {
    const text = input.texts[language]
    return text !== undefined && inForce?.approved[language] === approvedTextHash(text)
  })
  const inTime = inForce !== undefined && inForce.given <= input.today && inForce.review > input.today
  return {
    public: input.published && grants('website') && inTime && approvedAsItStands,
    form: grants('firstName') ? 'firstName' : 'anonymous',
    audio: input.hasRecording && grants('voiceRecording'),
    withdrawn: withdrawn('website'),
  }
}

/** The programme's day of an instant: the date in Phnom Penh, seven hours ahead of UTC all year. */
export const phnomPenhDay = (instant: Date) => new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)

export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
