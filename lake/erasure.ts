// Erasing a testimony (consent.md, "Withdrawal and erasure"): the testimony, its drafts, its
// consent records and the images only they used are deleted with their history, and an erasure
// record (date, who, counts; no content) is kept so that the erasure itself is provable.
import { randomUUID } from 'node:crypto'
import { assetRefs } from './assets/assetUsers.ts'
import type { Dataset } from './dataset.ts'
import { notFound } from './errors.ts'
import { publishedIdOf, referenceOf, type LakeDocument } from './mutations/document.ts'

export interface ErasureResult {
  erasureId: string
  documentsRemoved: number
  assetsRemoved: number
}

export function eraseTestimony(
  dataset: Dataset,
  testimonyId: string,
  options: { author: string; now: Date; today: string },
): ErasureResult {
  const publishedId = publishedIdOf(testimonyId)
  const documents = dataset.documents()
  const isTestimony = (d: LakeDocument) => d._type === 'testimony' && publishedIdOf(d._id) === publishedId
  const isItsConsent = (d: LakeDocument) => d._type === 'consentRecord' && referenceOf(d.testimony) === publishedId
  const erased = documents.filter((d) => isTestimony(d) || isItsConsent(d))
  if (!erased.some(isTestimony)) throw notFound(`Erase: there is no testimony "${publishedId}" (published or draft) to erase`)

  const erasedIds = new Set(erased.map((d) => d._id))
  const assets = [...new Set(erased.flatMap((d) => assetRefs(d)))].filter(
    (id) => dataset.get(id) && dataset.assetUsers(id).every((user) => erasedIds.has(user._id)),
  )
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
    documentsRemoved: erasedIds.size,
    assetsRemoved: assets.length,
  }
  dataset.erase([...erasedIds, ...assets], record, options.author)
  return { erasureId: record._id, documentsRemoved: erasedIds.size, assetsRemoved: assets.length }
}
