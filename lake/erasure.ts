// Erasing a testimony (consent.md, "Withdrawal and erasure"): the testimony, its drafts, its
// consent records and the images only they used are deleted with their history, and an erasure
// record (date, who, counts; no content) is kept so that the erasure itself is provable.
import { randomUUID } from 'node:crypto'
import { storedFileName } from './assets/assetDocuments.ts'
import type { Dataset } from './dataset.ts'
import { notFound } from './errors.ts'
import type { LakeDocument } from './mutations/document.ts'

export interface ErasureResult {
  erasureId: string
  documentsRemoved: number
  assetsRemoved: number
}

export function eraseTestimony(dataset: Dataset, testimonyId: string, options: { author: string; now: Date }): ErasureResult {
  const publishedId = testimonyId.replace(/^(drafts|versions\.[^.]+)\./, '')
  const documents = dataset.documents()
  const isTestimony = (d: LakeDocument) => d._type === 'testimony' && idOf(d._id) === publishedId
  const isItsConsent = (d: LakeDocument) => d._type === 'consentRecord' && referenceOf(d.testimony) === publishedId
  const erased = documents.filter((d) => isTestimony(d) || isItsConsent(d))
  if (!erased.some(isTestimony)) throw notFound(`Erase: there is no testimony "${publishedId}" (published or draft) to erase`)

  const erasedIds = new Set(erased.map((d) => d._id))
  const usedElsewhere = new Set(documents.filter((d) => !erasedIds.has(d._id)).flatMap((d) => assetRefs(d)))
  const assets = [...new Set(erased.flatMap((d) => assetRefs(d)))].filter((id) => !usedElsewhere.has(id) && dataset.get(id))
  const ids = [...erasedIds, ...assets]

  const timestamp = options.now.toISOString()
  const record = {
    _id: `erasure-${randomUUID()}`,
    _type: 'erasureRecord',
    _rev: randomUUID(),
    _createdAt: timestamp,
    _updatedAt: timestamp,
    testimonyId: publishedId,
    date: timestamp.slice(0, 10),
    erasedBy: options.author,
    documentsRemoved: erasedIds.size,
    assetsRemoved: assets.length,
  }
  const transaction = {
    id: record._rev,
    timestamp,
    author: options.author,
    mutations: [],
    changes: [{ id: record._id, before: null, after: record }],
  }
  dataset.store.erase(ids, transaction)
  for (const assetId of assets) {
    const file = storedFileName(assetId)
    if (file) dataset.assets.remove(file)
  }
  if (assets.length > 0) dataset.assets.clearTransformed()
  // Listeners learn that the documents went, by id and type only.
  const gone = ids.map((id) => ({ id, before: { _id: id, _type: typeOf(erased, id) }, after: null }))
  dataset.listeners.publish({ ...transaction, changes: [...gone, ...transaction.changes] })
  return { erasureId: record._id, documentsRemoved: erasedIds.size, assetsRemoved: assets.length }
}

const idOf = (id: string) => id.replace(/^(drafts|versions\.[^.]+)\./, '')
const typeOf = (documents: ReadonlyArray<LakeDocument>, id: string) => documents.find((d) => d._id === id)?._type ?? 'sanity.imageAsset'

function referenceOf(value: unknown): string | null {
  return value && typeof value === 'object' && '_ref' in value && typeof value._ref === 'string' ? value._ref : null
}

function assetRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(assetRefs)
  if (!value || typeof value !== 'object') return []
  const own = 'asset' in value ? referenceOf(value.asset) : null
  return [...(own ? [own] : []), ...Object.values(value).flatMap(assetRefs)]
}
