// Fictional bilingual testimonies for benchmarks: about 750 words in each language, drawn from the
// seed's own public vocabulary (Khmer words split by Intl.Segmenter), each with a consent record that
// approves exactly its public text, so the consent gate publishes it.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { approvableText, blocksToPlainText, testimonyDocument, textHash } from '../core/index.ts'
import { seedArchivePath } from '../seed/index.ts'
import { khmerWords } from '../site/index.ts'

const seedTestimony = z.looseObject({
  _type: z.literal('testimony'),
  publicVersion: z.looseObject({
    body: z.looseObject({
      km: z.array(z.looseObject({ _type: z.string() })).nullish(),
      en: z.array(z.looseObject({ _type: z.string() })).nullish(),
    }),
  }),
})

function vocabulary() {
  const texts = readFileSync(seedArchivePath, 'utf8')
    .trim()
    .split('\n')
    .flatMap((line) => {
      const parsed = seedTestimony.safeParse(JSON.parse(line))
      return parsed.success ? [parsed.data.publicVersion.body] : []
    })
  const km = texts.flatMap((body) => khmerWords(blocksToPlainText(body.km ?? [])))
  const en = texts.flatMap((body) =>
    blocksToPlainText(body.en ?? [])
      .split(/\s+/)
      .filter(Boolean),
  )
  return { km, en }
}

/** A small deterministic random source, so two runs build the same archive. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export function syntheticTestimonies(count: number): Array<Record<string, unknown>> {
  const words = vocabulary()
  const next = random(42)
  const pick = (list: string[]) => list[Math.floor(next() * list.length)] ?? ''
  const paragraph = (language: 'km' | 'en', length: number) => {
    const chosen = Array.from({ length }, () => pick(words[language]))
    return language === 'km' ? chosen.map((word, i) => (i % 9 === 8 ? `${word} ` : word)).join('') + '។' : chosen.join(' ') + '.'
  }
  const blocks = (language: 'km' | 'en') =>
    Array.from({ length: 10 }, (_, i) => ({
      _type: 'block',
      _key: `p${i}`,
      style: 'normal',
      markDefs: [],
      children: [{ _type: 'span', _key: `p${i}s`, text: paragraph(language, 75), marks: [] }],
    }))
  const documents: Array<Record<string, unknown>> = []
  for (let i = 0; i < count; i++) {
    const testimony = {
      _id: `synthetic-${i}`,
      _type: 'testimony',
      sample: true,
      workflowState: 'published',
      slug: { _type: 'slug', current: `synthetic-story-${i}` },
      themes: [{ _type: 'reference', _ref: 'theme-forced-marriage', _key: 't0' }],
      period: { from: 1975, to: 1979 },
      province: 'Takeo',
      contentWarnings: ['forced-marriage'],
      ceremony: { _type: 'reference', _ref: 'ceremony-01' },
      publicVersion: {
        title: { km: paragraph('km', 4), en: `A fictional story, number ${i}` },
        byline: { km: 'ស្ត្រីម្នាក់មកពីខេត្តតាកែវ (ប្រឌិត)', en: 'A woman from Takeo province (fictional)' },
        body: { km: blocks('km'), en: blocks('en') },
        hopes: { km: paragraph('km', 20), en: paragraph('en', 20) },
      },
    }
    const parsed = testimonyDocument.parse(testimony)
    documents.push(testimony, {
      _id: `synthetic-consent-${i}`,
      _type: 'consentRecord',
      testimony: { _ref: testimony._id },
      scopes: ['website', 'teaching'],
      dateGiven: '2026-01-10',
      reviewDate: '2030-01-10',
      approvedPublicText: { km: textHash(approvableText(parsed, 'public', 'km')), en: textHash(approvableText(parsed, 'public', 'en')) },
    })
  }
  return documents
}
