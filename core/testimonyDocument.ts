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
 * "The approved text" of one language: the words the survivor approves and her consent's hash binds.
 * For the full testimony: `title`, `body`, `hopes`. For the public version: `publicVersion.title`,
 * `.byline`, `.firstName`, `.body`, `.hopes`. In that order, each one that is not blank, one per line;
 * the body is the words of its `block` blocks (spans joined, one line per block), so emphasis, styles,
 * links, images and every other field are not part of it. Empty when the body has no words in that
 * language (nothing to approve). textHash normalises it (normalisedText.ts) before hashing.
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
