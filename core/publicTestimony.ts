// The public projection: what of a testimony may leave the archive. The zod schema is strict, so
// a field that is not listed here can not pass, and every text comes from the public version the
// survivor approved. It runs only behind the consent gate.
import { z } from 'zod'
import { consentGate, type GateDecision } from './consentGate.ts'
import type { ConsentDocument } from './consentDocument.ts'
import type { ConsentMedium, ConsentUse, PublicationForm } from './consentScopes.ts'
import type { GateReason } from './gateReasons.ts'
import { publicLanguages, type Language } from './languages.ts'
import { contentWarnings, provinces } from './publicVocabulary.ts'
import { approvableText, type PortableTextBlock, type TestimonyDocument } from './testimonyDocument.ts'
import { describeZodError } from './parseOrExplain.ts'

const publicSpan = z.strictObject({
  _type: z.literal('span'),
  _key: z.string(),
  text: z.string(),
  marks: z.array(z.enum(['em', 'strong'])),
})
const publicBlock = z.strictObject({
  _type: z.literal('block'),
  _key: z.string(),
  style: z.enum(['normal', 'h2', 'h3', 'blockquote']),
  markDefs: z.tuple([]),
  children: z.array(publicSpan).min(1),
})
const publicText = z.strictObject({
  title: z.string().min(1, 'a title'),
  byline: z.string().min(1, 'a byline (or first name)'),
  body: z.array(publicBlock).min(1, 'a text'),
  hopes: z.string().nullable(),
  textHash: z.string(),
})
export type PublicText = z.infer<typeof publicText>

export const publicTestimony = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug of lower-case letters, digits and dashes'),
  form: z.enum(['anonymous', 'firstName']),
  /** A fictional composite written for demonstration, marked as such wherever it is shown. */
  sample: z.boolean(),
  languages: z.strictObject({ km: publicText.optional(), en: publicText.optional() }),
  themes: z.array(z.string()),
  period: z.strictObject({ from: z.number().int().nullable(), to: z.number().int().nullable() }).nullable(),
  province: z.enum(provinces).nullable(),
  contentWarnings: z.array(z.enum(contentWarnings)),
  ceremony: z.string().nullable(),
  /**
   * The recording of the ceremony reading, only with the voice recording scope for every language
   * shown: its asset id in a public story, its address on the site.
   */
  audio: z.string().min(1).optional(),
})
export type PublicTestimony = z.infer<typeof publicTestimony>

export type PublicUse = Extract<ConsentUse, 'website' | 'teaching' | 'research'>

export type Projection =
  | { public: true; testimony: PublicTestimony; decisions: GateDecision[] }
  | { public: false; reasons: GateReason[]; decisions: GateDecision[] }

/**
 * The one answer to "may this testimony be public for this use, as it stands?", asked by the Studio's
 * badge and Publish button (through publicationRefusals), the lake's guard, the consent report, the
 * site build and the live site. Yes only if every language the public version has text in passes
 * the gate anonymously (publishing words she did not approve is the harm to avoid, so one changed
 * language holds back the whole story) and the projection's schema accepts the result; the first
 * name is shown only if every language also passes with it, the recording only with its scope.
 */
export function projectPublicTestimony(input: {
  testimony: TestimonyDocument
  consents: ReadonlyArray<ConsentDocument>
  use: PublicUse
  today: string
  /** The recording of the ceremony reading, if there is one (its asset id, or an address): kept only with its scope. */
  audio?: string | null
}): Projection {
  const ask = (form: PublicationForm, language: Language, media: ConsentMedium[] = []) =>
    consentGate({
      testimony: input.testimony,
      consents: input.consents,
      today: input.today,
      request: { use: input.use, form, language, media },
    })
  const withText = publicLanguages.filter((language) => approvableText(input.testimony, 'public', language) !== '')
  if (withText.length === 0) return { public: false, reasons: [{ code: 'noPublicText' }], decisions: [] }
  const anonymous = withText.map((language) => ask('anonymous', language))
  if (anonymous.some((d) => !d.allowed)) {
    return { public: false, reasons: dedupe(anonymous.flatMap((d) => (d.allowed ? [] : d.reasons))), decisions: anonymous }
  }
  const allowed = withText
  const named = allowed.map((language) => ask('firstName', language))
  const form: PublicationForm = named.every((d) => d.allowed) ? 'firstName' : 'anonymous'
  const voice = input.audio ? allowed.map((language) => ask(form, language, ['voiceRecording'])) : []
  const audio = voice.length > 0 && voice.every((d) => d.allowed) ? input.audio : null
  const decisions = [...anonymous, ...named, ...voice]
  const hashes = new Map(
    (form === 'firstName' ? named : anonymous).flatMap((d) => (d.allowed ? [[d.request.language, d.textHash] as const] : [])),
  )

  const version = input.testimony.publicVersion
  const languages: Partial<Record<Language, unknown>> = {}
  for (const language of allowed) {
    languages[language] = {
      title: version?.title?.[language] ?? '',
      byline: (form === 'firstName' ? version?.firstName : version?.byline)?.[language] ?? '',
      body: publicBlocks(version?.body?.[language] ?? []),
      hopes: version?.hopes?.[language] || null,
      textHash: hashes.get(language),
    }
  }
  const candidate = {
    slug: input.testimony.slug?.current ?? '',
    form,
    sample: input.testimony.sample === true,
    languages,
    themes: (input.testimony.themes ?? []).map((t) => t._ref),
    period: input.testimony.period ? { from: input.testimony.period.from ?? null, to: input.testimony.period.to ?? null } : null,
    province: input.testimony.province ?? null,
    contentWarnings: input.testimony.contentWarnings ?? [],
    ceremony: input.testimony.ceremony?._ref ?? null,
    ...(audio ? { audio } : {}),
  }
  const parsed = publicTestimony.safeParse(candidate)
  if (!parsed.success) {
    return { public: false, reasons: [{ code: 'projectionRefused', detail: describeZodError(parsed.error) }], decisions }
  }
  return { public: true, testimony: parsed.data, decisions }
}

/** Rebuilds text blocks from their words alone: no annotations, links, images or unknown keys. */
function publicBlocks(blocks: ReadonlyArray<PortableTextBlock>) {
  return blocks
    .filter((block) => block._type === 'block')
    .map((block, index) => ({
      _type: 'block',
      _key: `b${index}`,
      style: ['h2', 'h3', 'blockquote'].includes(block.style ?? '') ? block.style : 'normal',
      markDefs: [],
      children: (block.children ?? [])
        .filter((child) => child._type === 'span' && (child.text ?? '') !== '')
        .map((child, i) => ({
          _type: 'span',
          _key: `s${i}`,
          text: child.text ?? '',
          marks: (child.marks ?? []).filter((mark) => mark === 'em' || mark === 'strong'),
        })),
    }))
    .filter((block) => block.children.length > 0)
}

function dedupe(reasons: GateReason[]): GateReason[] {
  const seen = new Set<string>()
  return reasons.filter((reason) => {
    const key = JSON.stringify(reason)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
