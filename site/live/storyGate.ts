// Asks the consent core whether stories may still be on the website today: the fast check the live
// site runs on every change (one story) and after a lost connection (every story), before the rebuild.
import type { SanityClient } from '@sanity/client'
import { z } from 'zod'
import { consentGateProjection, gateInputs, projectPublicTestimony } from '../../core/index.ts'

const storiesQuery = `{
  "testimonies": *[_type == "testimony" && _id in $ids],
  "consents": *[_type == "consentRecord" && testimony._ref in $ids]${consentGateProjection}
}`
const answer = z.object({ testimonies: z.array(z.unknown()), consents: z.array(z.unknown()) })

/** Of these testimonies, those the consent core still allows on the website today: one query for all. */
export async function publicStories(client: SanityClient, ids: ReadonlyArray<string>, today: string): Promise<Set<string>> {
  const result = answer.parse(await client.fetch(storiesQuery, { ids: [...ids] }, { perspective: 'published' }))
  const allowed = new Set<string>()
  for (const { testimony, consents } of gateInputs(result).testimonies) {
    if (projectPublicTestimony({ testimony, consents, use: 'website', today }).public) allowed.add(testimony._id)
  }
  return allowed
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
