// Asks the consent core, for one story, whether it may still be on the website today: the fast
// check the live site runs on every change, before the full rebuild.
import type { SanityClient } from '@sanity/client'
import { z } from 'zod'
import { consentDocument, projectPublicTestimony, testimonyDocument } from '../../core/index.ts'

const storyQuery = `{
  "testimony": *[_type == "testimony" && _id == $id][0],
  "consents": *[_type == "consentRecord" && testimony._ref == $id]
}`
const answer = z.object({ testimony: z.unknown(), consents: z.array(z.unknown()) })

export async function storyIsPublic(client: SanityClient, testimonyId: string, today: string): Promise<boolean> {
  const result = answer.parse(await client.fetch(storyQuery, { id: testimonyId }, { perspective: 'published' }))
  const testimony = testimonyDocument.safeParse(result.testimony)
  if (!testimony.success) return false
  const consents = result.consents.flatMap((c) => {
    const parsed = consentDocument.safeParse(c)
    return parsed.success ? [parsed.data] : []
  })
  return projectPublicTestimony({ testimony: testimony.data, consents, use: 'website', today }).public
}

/** The testimony a changed document concerns: itself, or the one a consent record is for. */
export async function testimonyConcerned(client: SanityClient, documentId: string): Promise<string | null> {
  const found = z
    .object({ _type: z.string(), testimony: z.string().nullish() })
    .nullable()
    .parse(await client.fetch('*[_id == $id][0]{_type, "testimony": testimony._ref}', { id: documentId }, { perspective: 'published' }))
  if (!found) return null
  if (found._type === 'testimony') return documentId
  return found._type === 'consentRecord' ? (found.testimony ?? null) : null
}
