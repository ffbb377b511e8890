// The shape of the hand-written fictional seed content (seed/content/*.json), checked with zod.
import { z } from 'zod'
import { contentWarnings, provinces, calendarDay } from '../core/index.ts'

const text = z.string().min(1)
const both = z.object({ km: text, en: text })
const khmerFirst = z.object({ km: text, en: text.nullable() })
const paragraphs = z.object({ km: z.array(text).min(1), en: z.array(text).min(1).nullable() })

export const seedStates = [
  'publishedAnonymous',
  'publishedFirstName',
  'awaitingReadBack',
  'textChangedAfterApproval',
  'withdrawn',
  'pastReviewDate',
  'ceremonyOnly',
  'drafting',
  'supervisorReview',
] as const
export type SeedState = (typeof seedStates)[number]

export const seedTestimony = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  state: z.enum(seedStates),
  survivor: z.object({
    name: text,
    pseudonym: text,
    sex: z.enum(['female', 'male']),
    birthYear: z.number().int(),
    village: text,
    commune: text,
    district: text,
    province: z.enum(provinces),
    phone: text,
    ecccCivilPartyNumber: text.nullable(),
    language: z.enum(['km', 'cham', 'other']),
    literacy: z.enum(['none', 'basic', 'fluent']),
  }),
  themes: z.array(text).min(1),
  period: z.object({ from: z.number().int(), to: z.number().int() }),
  province: z.enum(provinces),
  contentWarnings: z.array(z.enum(contentWarnings)),
  title: khmerFirst,
  body: paragraphs,
  hopes: khmerFirst,
  public: z.object({ title: khmerFirst, byline: khmerFirst, firstName: khmerFirst, body: paragraphs, hopes: khmerFirst }),
  ceremony: text.nullable(),
})
export type SeedTestimony = z.infer<typeof seedTestimony>

export const seedReference = z.object({
  ceremonies: z.array(
    z.object({
      key: text,
      date: calendarDay,
      placeKind: z.enum(['pagoda', 'killingField', 'mosque', 'other']),
      place: both,
      participants: both,
      description: both,
    }),
  ),
  themes: z.array(z.object({ key: text, title: both, description: both })),
  lessons: z.array(
    z.object({
      key: text,
      title: both,
      audience: z.enum(['secondary', 'university', 'community']),
      objectives: z.object({ km: z.array(text), en: z.array(text) }),
      questions: z.object({ km: z.array(text), en: z.array(text) }),
      themes: z.array(text),
      testimonies: z.array(text),
      today: both,
    }),
  ),
  glossary: z.array(z.object({ key: text, term: both, definition: both })),
  supportServices: z.array(
    z.object({ key: text, name: both, kind: z.enum(['hotline', 'clinic', 'counselling']), phone: text, hours: both, description: both }),
  ),
  followUps: z.array(z.object({ testimony: text, due: calendarDay, done: z.boolean(), outcome: z.object({ en: z.string() }) })),
})
export type SeedReference = z.infer<typeof seedReference>
