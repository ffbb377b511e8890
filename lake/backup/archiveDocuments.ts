// The documents of an export archive written into the dataset in one transaction: restored as they
// were into an empty dataset (asset fields pointing at the same assets, the transaction log
// loaded as it was), or else added like an import (createIfNotExists, or createOrReplace).
import type { Dataset } from '../dataset.ts'
import { badRequest } from '../errors.ts'
import type { LakeDocument } from '../mutations/document.ts'
import type { TransactionRecord } from '../store/datasetStore.ts'
import { transactionRecord } from '../store/datasetStore.ts'
import { isRecord, mapAssetFields, replaceKey } from './assetFields.ts'
import type { PlacedAssets } from './archiveAssets.ts'

function withAssetReferences(documents: ReadonlyArray<LakeDocument>, assets: PlacedAssets): LakeDocument[] {
  return documents.map((d) => {
    const restored = mapAssetFields(d, (field) =>
      replaceKey(field, '_sanityAsset', 'asset', { _type: 'reference', _ref: assets.idOf.get(String(field._sanityAsset)) }),
    )
    if (!isRecord(restored) || typeof restored._id !== 'string' || typeof restored._type !== 'string')
      throw badRequest(`Document ${d._id} of the archive lost its _id or _type`, 'invalidImportError')
    return { ...restored, _id: restored._id, _type: restored._type }
  })
}

function historyOf(texts: ReadonlyArray<string>): TransactionRecord[] {
  return texts.flatMap((text) => parseArchiveLines(text))
}

function parseArchiveLines(text: string): TransactionRecord[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = transactionRecord.safeParse(JSON.parse(line))
      if (!parsed.success) throw badRequest(`Line ${index + 1} of the archive's transaction log is not a transaction`, 'invalidImportError')
      return parsed.data
    })
}

export function restoreOrMerge(
  dataset: Dataset,
  documents: ReadonlyArray<LakeDocument>,
  assets: PlacedAssets,
  history: ReadonlyArray<string>,
  options: { author: string; replace: boolean; restoring: boolean },
): { transactionId: string; transactions: number } {
  const restored = withAssetReferences(documents, assets)
  if (options.restoring) {
    const log = historyOf(history)
    const all = [...assets.documents.values(), ...restored]
    dataset.restore(all, log)
    return { transactionId: log.at(-1)?.id ?? 'none', transactions: log.length }
  }
  const key = options.replace ? 'createOrReplace' : 'createIfNotExists'
  const mutations = [...[...assets.documents.values()].map((d) => ({ createIfNotExists: d })), ...restored.map((d) => ({ [key]: d }))]
  return { transactionId: dataset.mutate(mutations, { author: options.author, restoring: true }).transactionId, transactions: 0 }
}
