// The fields of a stored testimony that the consent rules read, checked with zod at the boundary.
// Other fields may be present; the rules never look at them and the projection never copies them.
import { z } from 'zod'
import { blocksToPlainText } from './normalisedText.ts'
import type { Language } from './languages.ts'
import type { ApprovedText } from './consentScopes.ts'

const span = z.looseObject({
  _type: z.string(),
  _key: z.string().optional(),
  text: z.string().optional(),
  marks: z.array(z.string()).optional(),
})
export const portableTextBlock = z.looseObject({
  _type: z.string(),
  _key: z.string().optional(),
  style: z.string().optional(),
  children: z.array(span).optional(),
})
export type PortableTextBlock = z.infer<typeof portableTextBlock>

const localeString = z.looseObject({ km: z.string().nullish(), en: z.string().nullish() })
const localeBlocks = z.looseObject({ km: z.array(portableTextBlock).nullish(), en: z.array(portableTextBlock).nullish() })
const reference = z.looseObject({ _ref: z.string(), _key: z.string().optional() })

export const testimonyDocument = z.looseObject({
  _id: z.string(),
  _type: z.literal('testimony'),
  _updatedAt: z.string().optional(),
  sample: z.boolean().nullish(),
  slug: z.looseObject({ current: z.string() }).nullish(),
  title: localeString.nullish(),
  body: localeBlocks.nullish(),
  hopes: localeString.nullish(),
  themes: z.array(reference).nullish(),
  period: z.looseObject({ from: z.number().int().nullish(), to: z.number().int().nullish() }).nullish(),
  province: z.string().nullish(),
  contentWarnings: z.array(z.string()).nullish(),
  ceremony: reference.nullish(),
  publicVersion: z
    .looseObject({
      title: localeString.nullish(),
      byline: localeString.nullish(),
      firstName: localeString.nullish(),
      body: localeBlocks.nullish(),
      hopes: localeString.nullish(),
    })
    .nullish(),
})
export type TestimonyDocument = z.infer<typeof testimonyDocument>

/**
 * The words the survivor approves, in one language: for the full testimony her title, the text
 * and her hopes; for the public version also the byline and first name that would be shown.
 * Empty when the testimony has no text in that language.
 */
export function approvableText(testimony: TestimonyDocument, which: ApprovedText, language: Language): string {
  const source =
    which === 'full'
      ? { title: testimony.title, body: testimony.body, hopes: testimony.hopes, byline: null, firstName: null }
      : {
          title: testimony.publicVersion?.title,
          body: testimony.publicVersion?.body,
          hopes: testimony.publicVersion?.hopes,
          byline: testimony.publicVersion?.byline,
          firstName: testimony.publicVersion?.firstName,
        }
  const body = blocksToPlainText(source.body?.[language])
  if (body.trim() === '') return ''
  return [source.title?.[language], source.byline?.[language], source.firstName?.[language], body, source.hopes?.[language]]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join('\n')
}
