// What the leak scan looks for: fictional private documents added to the seed, and every private
// string of the archive as the lake holds it (survivors, witnesses, follow-ups, full texts, drafts,
// withdrawn and lapsed stories, first names without consent for them).
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { seedArchivePath } from '../../seed/index.ts'
import type { LedgerEntry } from '../../site/index.ts'
import type { LakeHarness } from '../lake/lakeHarness.ts'

/** Testimony-02 is withdrawn in the leak test after a build had published it. */
export const withdrawnInTest: LedgerEntry = { id: 'testimony-02', slug: 'the-prison-beside-the-stream' }
/** Published and public in the test; everything else about testimonies is private. */
const publicIds = ['testimony-01', 'testimony-03', 'testimony-04', 'testimony-05', 'testimony-06']
const firstNameAllowed = ['testimony-05', 'testimony-06']

const anyDocument = z.looseObject({ _id: z.string(), _type: z.string() })
const seed = () =>
  readFileSync(seedArchivePath, 'utf8')
    .trim()
    .split('\n')
    .map((line) => anyDocument.parse(JSON.parse(line)))

export function privateDocuments(): Array<Record<string, unknown>> {
  const byId = new Map(seed().map((document) => [document._id, document]))
  const testimony03 = z
    .looseObject({ publicVersion: z.looseObject({ body: z.looseObject({ en: z.array(z.looseObject({})) }) }) })
    .parse(byId.get('testimony-03'))
  const [first, ...rest] = testimony03.publicVersion.body.en
  const annotated = {
    ...testimony03,
    therapistNotes: 'LEAKSCAN-THERAPIST-NOTE',
    body: { en: [block('LEAKSCAN-FULL-TEXT: my name is Leakscan Sreymom from Phum Leakscanvillage.')] },
    publicVersion: {
      ...testimony03.publicVersion,
      privateComment: 'LEAKSCAN-PUBLIC-VERSION-COMMENT',
      body: {
        ...testimony03.publicVersion.body,
        en: [
          {
            ...first,
            privateNote: 'LEAKSCAN-BLOCK-NOTE',
            markDefs: [{ _key: 'l1', _type: 'link', href: 'https://leakscan.example/annotation' }],
          },
          { _type: 'image', _key: 'img', alt: 'LEAKSCAN-IMAGE-ALT', asset: { _ref: 'image-leakscan' } },
          ...rest,
        ],
      },
    },
  }
  const testimony01 = anyDocument.parse(byId.get('testimony-01'))
  return [
    annotated,
    { ...testimony01, _id: 'drafts.testimony-01', publicVersion: { title: { en: 'LEAKSCAN draft title of a published story' } } },
    {
      _id: 'survivor-leakscan',
      _type: 'survivor',
      name: 'Leakscan Sreymom',
      pseudonym: 'Yeay Leakscan',
      village: 'Phum Leakscanvillage',
      commune: 'Leakscan commune',
      district: 'Leakscan district',
      province: 'Kampot',
      phone: '099 555 0199',
      ecccCivilPartyNumber: 'LEAKSCAN-CP-999',
      assignedTherapist: 'therapist-sovann',
    },
    {
      _id: 'followup-leakscan',
      _type: 'followUp',
      survivor: { _ref: 'survivor-leakscan' },
      therapist: 'therapist-sovann',
      due: '2026-12-01',
      outcome: 'LEAKSCAN-FOLLOWUP: she asked that her son not be told',
    },
    {
      _id: 'drafts.consent-03',
      _type: 'consentRecord',
      testimony: { _ref: 'testimony-03' },
      witness: { name: 'LEAKSCAN Witness of a draft', role: 'Neighbour' },
    },
  ]
}

function block(text: string) {
  return { _type: 'block', _key: 'x', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 'xs', text, marks: [] }] }
}

/** The words of a value: strings, and for Portable Text only its spans' text (not styles or marks). */
const strings = (value: unknown): string[] => {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      key.startsWith('_') || ['style', 'marks', 'markDefs'].includes(key) ? [] : strings(inner),
    )
  }
  return []
}
const field = (document: Record<string, unknown>, ...names: string[]) => names.flatMap((name) => strings(document[name]))

export function privateStrings(lake: LakeHarness): string[] {
  const documents = lake.lake.services.datasets.ensure('production').documents()
  const isShown = (document: Record<string, unknown> & { _id: string }) => publicIds.includes(document._id)
  const shown = documents
    .filter((document) => document._type === 'testimony' && isShown(document))
    .flatMap((document) => strings(document.publicVersion))
  const found: string[] = ['LEAKSCAN', 'leakscan.example']
  for (const document of documents) {
    const id = document._id.replace(/^drafts\./, '')
    if (document._type === 'survivor')
      found.push(...field(document, 'name', 'pseudonym', 'village', 'commune', 'district', 'phone', 'ecccCivilPartyNumber'))
    if (document._type === 'followUp') found.push(...field(document, 'outcome'))
    if (document._type === 'consentRecord') {
      const witness = z.object({ name: z.string() }).safeParse(document.witness)
      if (witness.success) found.push(witness.data.name)
      found.push(...strings(document.withdrawals).filter((text) => !/^(website|teaching|therapist-|\d{4}-)/.test(text)))
    }
    if (document._type !== 'testimony') continue
    const hidden = [
      ...field(document, 'title', 'body', 'hopes', 'therapistNotes'),
      ...(isShown(document) ? [] : strings(document.publicVersion)),
    ]
    found.push(...hidden.filter((text) => !shown.some((visible) => visible.includes(text))))
    const firstName = z.object({ firstName: z.unknown() }).safeParse(document.publicVersion)
    if (isShown(document) && !firstNameAllowed.includes(id) && firstName.success) found.push(...strings(firstName.data.firstName))
  }
  return [...new Set(found.map((text) => text.trim()).filter((text) => text.length > 3))]
}
