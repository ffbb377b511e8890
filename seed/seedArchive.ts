// Turns the hand-written fictional content into Sanity documents, with each consent in the state
// the content names (published, withdrawn, text changed after approval, …). Pure and deterministic.
import {
  approvableText,
  consentDocument,
  publicStoryOf,
  testimonyDocument,
  textHash,
  type ConsentScope,
  type TestimonyDocument,
  draftIdOf,
  addDays,
} from '../core/index.ts'
import type { SeedReference, SeedState, SeedTestimony } from './seedContent.ts'

export type SeedDocument = { _id: string; _type: string } & Record<string, unknown>

const stamp = { _createdAt: '2026-01-05T08:00:00Z', _updatedAt: '2026-01-05T08:00:00Z', _rev: 'seed' }
const therapists = ['therapist-sovann', 'therapist-dara'] as const
const witnesses = [
  { name: 'Keo Sovannary (fictional)', role: 'Commune council member' },
  { name: 'Meas Rithy (fictional)', role: 'Pagoda committee member' },
  { name: 'Ly Bopha (fictional)', role: 'Programme staff' },
]

const block = (text: string, index: number) => ({
  _type: 'block',
  _key: `p${index}`,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `p${index}s`, text, marks: [] }],
})
const blocks = (paragraphs: string[] | null) => (paragraphs ? paragraphs.map(block) : undefined)
const localised = (value: { km: string; en: string | null }) => (value.en === null ? { km: value.km } : { km: value.km, en: value.en })
const pad = (n: number) => String(n + 1).padStart(2, '0')
const ref = (id: string, key?: string) => (key ? { _type: 'reference', _ref: id, _key: key } : { _type: 'reference', _ref: id })
// Testimonies are referenced weakly: one may be a draft only, and erasure must not be blocked.
const weakRef = (id: string, key?: string) => ({ ...ref(id, key), _weak: true })
const slugify = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)

/** What each seed state means for the consent record: which scopes, dates and approvals. */
const consentStates: Record<
  SeedState,
  {
    scopes: ConsentScope[]
    given: string
    review: string
    approvesPublic: 'current' | 'earlier' | 'none'
    withdrawn?: ConsentScope[]
  } | null
> = {
  publishedAnonymous: {
    scopes: ['ceremonyReading', 'website', 'teaching'],
    given: '2026-02-14',
    review: '2030-02-14',
    approvesPublic: 'current',
  },
  publishedFirstName: {
    scopes: ['ceremonyReading', 'website', 'firstName', 'teaching', 'research'],
    given: '2026-03-12',
    review: '2030-03-12',
    approvesPublic: 'current',
  },
  textChangedAfterApproval: {
    scopes: ['ceremonyReading', 'website', 'teaching'],
    given: '2026-04-02',
    review: '2030-04-02',
    approvesPublic: 'earlier',
  },
  withdrawn: {
    scopes: ['ceremonyReading', 'website', 'teaching'],
    given: '2025-11-20',
    review: '2029-11-20',
    approvesPublic: 'current',
    withdrawn: ['website', 'teaching'],
  },
  pastReviewDate: { scopes: ['ceremonyReading', 'website'], given: '2023-05-20', review: '2025-05-20', approvesPublic: 'current' },
  ceremonyOnly: { scopes: ['ceremonyReading'], given: '2026-06-08', review: '2030-06-08', approvesPublic: 'none' },
  awaitingReadBack: null,
  drafting: null,
  supervisorReview: null,
}

/** Testimonies that are not (or no longer) published exist only as drafts, as in the Studio. */
const onlyDraft: Record<SeedState, boolean> = {
  publishedAnonymous: false,
  publishedFirstName: false,
  pastReviewDate: false,
  textChangedAfterApproval: true,
  withdrawn: true,
  ceremonyOnly: true,
  awaitingReadBack: true,
  drafting: true,
  supervisorReview: true,
}

const workflow: Record<SeedState, string> = {
  publishedAnonymous: 'published',
  publishedFirstName: 'published',
  // Her text was edited after she approved it, which sends it back to be read to her again.
  textChangedAfterApproval: 'readyForReadBack',
  withdrawn: 'withdrawn',
  pastReviewDate: 'published',
  ceremonyOnly: 'approved',
  awaitingReadBack: 'readyForReadBack',
  drafting: 'drafting',
  supervisorReview: 'supervisorReview',
}

/** Testimonies past review carry the fictional supervisor's pass, given before her approval. */
const passedBeforeReadBack = (state: SeedState) => !['drafting', 'supervisorReview'].includes(state)
const supervisor = 'supervisor-demo'
function passOf(state: SeedState): { passedBy: string; passedAt: string } | null {
  if (!passedBeforeReadBack(state)) return null
  const readBack = consentStates[state]?.given ?? '2026-11-20'
  const dayBefore = addDays(readBack, -1)
  return { passedBy: supervisor, passedAt: `${dayBefore}T09:00:00Z` }
}

export function seedArchive(testimonies: SeedTestimony[], reference: SeedReference): SeedDocument[] {
  const ids = new Map(testimonies.map((t, i) => [t.key, `testimony-${pad(i)}`]))
  const ceremonyIds = new Map(reference.ceremonies.map((c, i) => [c.key, `ceremony-${pad(i)}`]))
  const themeIds = new Map(reference.themes.map((t) => [t.key, `theme-${t.key}`]))
  const lookup = (map: Map<string, string>, key: string, what: string) => {
    const id = map.get(key)
    if (!id) throw new Error(`seed: unknown ${what} "${key}"; use a key defined in seed/content`)
    return id
  }
  const documents: SeedDocument[] = []

  testimonies.forEach((t, i) => {
    const survivorId = `survivor-${pad(i)}`
    const testimonyId = `testimony-${pad(i)}`
    const therapist = therapists[i % therapists.length] ?? therapists[0]
    documents.push({ _id: survivorId, _type: 'survivor', ...stamp, ...t.survivor, assignedTherapist: therapist })
    const testimony: SeedDocument & TestimonyDocument = {
      _id: onlyDraft[t.state] ? draftIdOf(testimonyId) : testimonyId,
      _type: 'testimony',
      ...stamp,
      sample: true,
      survivor: ref(survivorId),
      therapist,
      workflowState: workflow[t.state],
      ...(passOf(t.state) ? { review: passOf(t.state) } : {}),
      title: localised(t.title),
      body: { km: blocks(t.body.km), en: blocks(t.body.en) },
      hopes: localised(t.hopes),
      publicVersion: {
        title: localised(t.public.title),
        byline: localised(t.public.byline),
        firstName: localised(t.public.firstName),
        body: { km: blocks(t.public.body.km), en: blocks(t.public.body.en) },
        hopes: localised(t.public.hopes),
      },
      slug: { _type: 'slug', current: t.public.title.en ? slugify(t.public.title.en) : `story-${pad(i)}` },
      themes: t.themes.map((key, k) => ref(lookup(themeIds, key, 'theme'), `t${k}`)),
      period: t.period,
      province: t.province,
      contentWarnings: t.contentWarnings,
      ...(t.ceremony ? { ceremony: ref(lookup(ceremonyIds, t.ceremony, 'ceremony')) } : {}),
    }
    documents.push(testimony)
    const consent = consentStates[t.state]
    if (!consent) return
    const approvedVersion = consent.approvesPublic === 'earlier' ? earlierPublicVersion(testimony) : testimony
    const hashes = (doc: TestimonyDocument, which: 'full' | 'public') =>
      Object.fromEntries(
        (['km', 'en'] as const).flatMap((l) => {
          const text = approvableText(doc, which, l)
          return text ? [[l, textHash(text)]] : []
        }),
      )
    const witness = witnesses[i % witnesses.length]
    documents.push({
      _id: `consent-${pad(i)}`,
      _type: 'consentRecord',
      ...stamp,
      testimony: weakRef(testimonyId),
      scopes: consent.scopes,
      method: t.survivor.literacy === 'fluent' ? 'signature' : t.survivor.literacy === 'basic' ? 'thumbprint' : 'spokenWitnessed',
      explainedIn: t.survivor.language,
      witness,
      dateGiven: consent.given,
      reviewDate: consent.review,
      therapist,
      recordedBy: therapist,
      approvedText: hashes(testimony, 'full'),
      ...(consent.approvesPublic === 'none' ? {} : { approvedPublicText: hashes(approvedVersion, 'public') }),
      ...(consent.withdrawn
        ? {
            withdrawals: [
              {
                _key: 'w1',
                _type: 'withdrawal',
                date: '2026-08-14',
                method: 'Told her therapist on a follow-up call',
                recordedBy: therapist,
                scopes: consent.withdrawn,
              },
            ],
          }
        : {}),
    })
  })

  documents.push(...publicStories(testimonies, documents))

  reference.themes.forEach((t) =>
    documents.push({
      _id: lookup(themeIds, t.key, 'theme'),
      _type: 'theme',
      ...stamp,
      title: t.title,
      slug: { _type: 'slug', current: t.key },
      description: t.description,
    }),
  )
  reference.ceremonies.forEach((c) => {
    const read = testimonies.filter((t) => t.ceremony === c.key).map((t, k) => weakRef(lookup(ids, t.key, 'testimony'), `r${k}`))
    documents.push({
      _id: lookup(ceremonyIds, c.key, 'ceremony'),
      _type: 'ceremony',
      ...stamp,
      date: c.date,
      placeKind: c.placeKind,
      place: c.place,
      participants: c.participants,
      description: c.description,
      testimonies: read,
    })
  })
  reference.lessons.forEach((l, i) =>
    documents.push({
      _id: `lesson-${pad(i)}`,
      _type: 'lesson',
      ...stamp,
      title: l.title,
      slug: { _type: 'slug', current: slugify(l.title.en) },
      audience: l.audience,
      objectives: l.objectives,
      questions: l.questions,
      today: l.today,
      themes: l.themes.map((key, k) => ref(lookup(themeIds, key, 'theme'), `t${k}`)),
      testimonies: l.testimonies.map((key, k) => weakRef(lookup(ids, key, 'testimony'), `s${k}`)),
    }),
  )
  reference.glossary.forEach((g, i) =>
    documents.push({ _id: `glossary-${pad(i)}`, _type: 'glossaryTerm', ...stamp, term: g.term, definition: g.definition }),
  )
  reference.supportServices.forEach((s, i) =>
    documents.push({
      _id: `support-${pad(i)}`,
      _type: 'supportService',
      ...stamp,
      name: s.name,
      kind: s.kind,
      phone: s.phone,
      hours: s.hours,
      description: s.description,
    }),
  )
  reference.followUps.forEach((f, i) => {
    const testimonyId = lookup(ids, f.testimony, 'testimony')
    const index = testimonies.findIndex((t) => t.key === f.testimony)
    documents.push({
      _id: `followup-${pad(i)}`,
      _type: 'followUp',
      ...stamp,
      survivor: ref(`survivor-${pad(index)}`),
      testimony: weakRef(testimonyId),
      therapist: therapists[index % therapists.length],
      due: f.due,
      done: f.done,
      ...(f.outcome.en ? { outcome: f.outcome.en } : {}),
    })
  })
  documents.push({
    _id: 'siteSettings',
    _type: 'siteSettings',
    ...stamp,
    title: { km: 'បណ្ណសារសក្ខីកម្ម', en: 'Testimony Archive' },
    tagline: { km: 'សក្ខីកម្មរបស់អ្នករស់រានមានជីវិត ដើម្បីការអប់រំសាធារណៈ', en: 'Survivors’ testimonies, for public education' },
    about: {
      km: 'ការព្យាបាលតាមរយៈសក្ខីកម្ម ជួយអ្នករស់រានមានជីវិតពីអំពើហិង្សាផ្លូវភេទក្នុងរបបខ្មែរក្រហម ឱ្យនិយាយរឿងរបស់ខ្លួន។ អ្នកព្យាបាលសរសេររឿងនោះជាឯកសារ អានជូនគាត់ស្តាប់ ហើយឯកសារនោះត្រូវបានអាន និងប្រគល់ជូនគាត់ក្នុងពិធីមួយនៅវត្ត។ ដោយមានការយល់ព្រមពីគាត់ សក្ខីកម្មខ្លះត្រូវបានផ្សព្វផ្សាយដោយអនាមិក សម្រាប់ការអប់រំសាធារណៈ។',
      en: 'Testimonial therapy helps survivors of sexual and gender-based violence under the Khmer Rouge to tell their story. A therapist writes it down as a document, reads it back to her, and the document is read aloud and handed to her at a ceremony at a pagoda. With her consent, some testimonies are published, usually anonymously, for public education.',
    },
    hotline: ref('support-01'),
    sampleNotice: { km: 'បណ្ណសារនេះមានតែខ្លឹមសារគំរូប្រឌិតប៉ុណ្ណោះ។', en: 'This archive holds fictional sample content only.' },
  })
  return documents
}

/**
 * The public story of each testimony that was ever public, as publishing wrote it: the published
 * ones, and the withdrawn one, which was published before she withdrew (its address stays).
 */
function publicStories(testimonies: SeedTestimony[], documents: ReadonlyArray<SeedDocument>): SeedDocument[] {
  const consents = documents.flatMap((d) => {
    const parsed = consentDocument.safeParse(d)
    return parsed.success ? [parsed.data] : []
  })
  return testimonies.flatMap((t, i) => {
    const testimonyId = `testimony-${pad(i)}`
    const stored = documents.find((d) => d._id === testimonyId || d._id === draftIdOf(testimonyId))
    const slug = stored && typeof stored.slug === 'object' && stored.slug && 'current' in stored.slug ? stored.slug.current : null
    const published = testimonyDocument.safeParse(documents.find((d) => d._id === testimonyId))
    const story = publicStoryOf({
      testimonyId,
      published: published.success ? published.data : null,
      consents,
      previous: t.state === 'withdrawn' ? { slug } : null,
    })
    return story ? [{ ...stamp, ...story }] : []
  })
}

/** The public version as it stood before its last paragraph was added: what the survivor approved. */
function earlierPublicVersion(testimony: TestimonyDocument): TestimonyDocument {
  const version = testimony.publicVersion
  const shorten = <T>(list: T[] | null | undefined) => (list && list.length > 1 ? list.slice(0, -1) : list)
  return { ...testimony, publicVersion: { ...version, body: { km: shorten(version?.body?.km), en: shorten(version?.body?.en) } } }
}
