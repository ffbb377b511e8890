// Erasing a testimony (consent.md, "Withdrawal and erasure"; GDPR art. 17): every version of the
// testimony (published, draft, withdrawn or unpublished long ago), its public story, its consent
// records, her survivor record and follow-up calls when she has no other testimony, and the images
// and files only they used, are deleted with their history, and an erasure record (date, who,
// counts; no content) is kept so that the erasure itself is provable. Ids are looked for in the
// history too: a published version taken off by a withdrawal exists only there.
import { randomUUID } from 'node:crypto'
import { publicStoryIdOf, draftIdOf, publishedIdOf } from '../core/index.ts'
import { assetRefs } from './assets/assetUsers.ts'
import type { Dataset } from './dataset.ts'
import { notFound } from './errors.ts'
import { referenceOf, type LakeDocument } from './mutations/document.ts'

export interface ErasureResult {
  erasureId: string
  documentsRemoved: number
  assetsRemoved: number
}

/**
 * The documents and assets an erasure of this testimony removes: from `current` (the documents as
 * they are) and `past` (versions the history holds). A survivor with another testimony among the
 * current documents is kept, with her follow-up calls.
 */
export function erasedBy(
  testimonyId: string,
  current: ReadonlyArray<LakeDocument>,
  past: ReadonlyArray<LakeDocument> = [],
): { ids: Set<string>; assets: string[] } {
  const publishedId = publishedIdOf(testimonyId)
  const versions = [...current, ...past]
  const group = (id: string) => [publishedIdOf(id), draftIdOf(id)]
  const isHers = (d: LakeDocument) => publishedIdOf(d._id) === publishedId
  const ids = new Set([publishedId, draftIdOf(publishedId), ...group(publicStoryIdOf(publishedId))])
  for (const d of versions) if (isHers(d) || (d._type === 'consentRecord' && referenceOf(d.testimony) === publishedId)) ids.add(d._id)
  for (const id of [...ids]) for (const member of group(id)) ids.add(member)
  const survivors = new Set(versions.filter((d) => d._type === 'testimony' && isHers(d)).flatMap((d) => referenceOf(d.survivor) ?? []))
  for (const d of current) if (d._type === 'testimony' && !isHers(d)) survivors.delete(referenceOf(d.survivor) ?? '')
  for (const survivor of survivors) for (const member of group(survivor)) ids.add(member)
  for (const d of versions) if (d._type === 'followUp' && survivors.has(referenceOf(d.survivor) ?? '')) ids.add(d._id)
  const candidates = new Set(versions.filter((d) => ids.has(d._id)).flatMap((d) => assetRefs(d)))
  const stillUsed = new Set(current.filter((d) => !ids.has(d._id)).flatMap((d) => assetRefs(d)))
  const existing = new Set(current.map((d) => d._id))
  return { ids, assets: [...candidates].filter((id) => existing.has(id) && !stillUsed.has(id)) }
}

export function eraseTestimony(
  dataset: Dataset,
  testimonyId: string,
  options: { author: string; now: Date; today: string },
): ErasureResult {
  const publishedId = publishedIdOf(testimonyId)
  const current = dataset.documents()
  if (!current.some((d) => d._type === 'testimony' && publishedIdOf(d._id) === publishedId))
    throw notFound(`Erase: there is no testimony "${publishedId}" (published or draft) to erase`)
  // What history holds of her: her testimony's and records' versions, then her survivor record's.
  const past = dataset.store.versionsMentioning(publishedId)
  const hers = [...current, ...past].filter((d) => d._type === 'testimony' && publishedIdOf(d._id) === publishedId)
  const survivors = [...new Set(hers.flatMap((d) => referenceOf(d.survivor) ?? []))]
  const { ids, assets } = erasedBy(publishedId, current, [...past, ...survivors.flatMap((id) => dataset.store.versionsMentioning(id))])
  const removed = current.filter((d) => ids.has(d._id)).length
  const timestamp = options.now.toISOString()
  const record = {
    _id: `erasure-${randomUUID()}`,
    _type: 'erasureRecord',
    _rev: randomUUID(),
    _createdAt: timestamp,
    _updatedAt: timestamp,
    testimonyId: publishedId,
    date: options.today,
    erasedBy: options.author,
    documentsRemoved: removed,
    assetsRemoved: assets.length,
  }
  dataset.erase([...ids, ...assets], record, options.author)
  return { erasureId: record._id, documentsRemoved: removed, assetsRemoved: assets.length }
}
