// The public story: what the site shows of a testimony, kept in a document of its own that the
// publisher reads instead of the testimony (hosted Sanity's roles filter whole documents, so her
// private words must not be in any document the publisher may read). Publishing writes it, a
// withdrawal or a new approval rewrites it, in the same transaction; the lake derives it again on
// every write. Once published it stays, without the story, while she withdraws (its old address
// then shows the neutral page), and goes only with an erasure.
import { z } from 'zod'
import { consentDocument, consentInForce, isRecordedConsent, type ConsentDocument } from './consentDocument.ts'
import { consentGateView } from './consentGateView.ts'
import { withoutHold } from './publicationHold.ts'
import { projectPublicTestimony, publicTestimony, type PublicTestimony } from './publicTestimony.ts'
import type { TestimonyDocument } from './testimonyDocument.ts'
import { publishedIdOf } from './documentIds.ts'

export const publicStoryType = 'publicStory'
const idPrefix = 'publicStory-'

/** The id of a testimony's public story: one per testimony, whatever happens to it. */
export const publicStoryIdOf = (testimonyId: string) => `${idPrefix}${publishedIdOf(testimonyId)}`

/** The testimony a public story id belongs to; null for any other id. */
export const testimonyIdOfStory = (id: string): string | null =>
  id.startsWith(idPrefix) && id.length > idPrefix.length ? id.slice(idPrefix.length) : null

const recordingField = z.strictObject({
  _type: z.literal('file'),
  asset: z.strictObject({ _type: z.literal('reference'), _ref: z.string().min(1) }),
})

/** A public story as stored (system fields aside); the story is absent while it is not public. */
export const publicStoryDocument = z.looseObject({
  _id: z.string(),
  _type: z.literal(publicStoryType),
  testimonyId: z.string().min(1),
  /** The address it was last public at: its page, or the neutral page once it is not public. */
  slug: publicTestimony.shape.slug,
  story: publicTestimony.omit({ audio: true }).nullish(),
  /** The recording of the ceremony reading, only with her voice recording scope. */
  recording: recordingField.nullish(),
  /** Her given consent records, as the site re-checks them: no people, no hash of her full text. */
  consents: z.array(z.unknown()),
})
export type PublicStoryDocument = z.infer<typeof publicStoryDocument>

/** A public story as publicStoryOf derives it (the writer adds the system fields). */
export interface PublicStory {
  _id: string
  _type: typeof publicStoryType
  testimonyId: string
  slug: string
  story?: Omit<PublicTestimony, 'audio'>
  recording?: z.infer<typeof recordingField>
  consents: Array<Record<string, unknown>>
}

/** A consent record as a public story carries it: the gate's fields, less the hash of her full text (the site never uses it). */
export function publicConsentView(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { approvedText, ...view } = consentGateView(record)
  void approvedText
  return view
}

/** The recording of a testimony's public version (its asset id), if there is one. */
export function recordingOf(testimony: TestimonyDocument): string | null {
  const parsed = z.object({ recording: z.object({ asset: z.object({ _ref: z.string().min(1) }) }) }).safeParse(testimony.publicVersion)
  return parsed.success ? parsed.data.recording.asset._ref : null
}

/**
 * The public story of a testimony, from its published version and her consent records. The story is
 * what her consent allows, whatever the day (as of the day the record in force was given): the days
 * (given, review) are for the reader to check every day, which the site does. Null while it has
 * never been public.
 */
export function publicStoryOf(input: {
  testimonyId: string
  published: TestimonyDocument | null
  consents: ReadonlyArray<ConsentDocument>
  /** The public story stored so far, if any: its address is kept when the story is no longer public. */
  previous: object | null
}): PublicStory | null {
  const testimonyId = publishedIdOf(input.testimonyId)
  const records = input.consents.filter((c) => isRecordedConsent(c) && c.testimony._ref === testimonyId)
  const asOf = consentInForce(testimonyId, records)?.dateGiven
  const audio = input.published ? recordingOf(input.published) : null
  const projection =
    input.published && asOf
      ? // Without her hold: the story is written now, and the site shows it from her day (publicStoryGate reads the hold).
        projectPublicTestimony({ testimony: input.published, consents: withoutHold(records), use: 'website', today: asOf, audio })
      : null
  const shown = projection?.public ? projection.testimony : null
  const previousSlug = shown || !input.previous ? null : z.object({ slug: publicTestimony.shape.slug }).safeParse(input.previous)
  const slug = shown ? shown.slug : previousSlug?.success ? previousSlug.data.slug : null
  if (!slug) return null
  return {
    _id: publicStoryIdOf(testimonyId),
    _type: publicStoryType,
    testimonyId,
    slug,
    ...(shown ? { story: withoutAudio(shown) } : {}),
    ...(shown?.audio ? { recording: { _type: 'file' as const, asset: { _type: 'reference' as const, _ref: shown.audio } } } : {}),
    consents: records.map(publicConsentView).sort((a, b) => String(a._id).localeCompare(String(b._id))),
  }
}

function withoutAudio(testimony: PublicTestimony): Omit<PublicTestimony, 'audio'> {
  const { audio, ...story } = testimony
  void audio
  return story
}

/** Her consent records as a public story carries them, checked one by one (a malformed one counts as none). */
export function storyConsents(story: PublicStoryDocument): ConsentDocument[] {
  return story.consents.flatMap((raw) => {
    const parsed = consentDocument.safeParse(raw)
    return parsed.success ? [parsed.data] : []
  })
}
