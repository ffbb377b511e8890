// The one place where the asset addresses in an answer are signed for the reader who asked: an asset
// document (sanity.imageAsset, sanity.fileAsset) she may load, and a bare address equal to such a
// document's `url` (as `asset->url` gives it), carry `?exp=…&sig=…` (see auth/assetUrlSignatures.ts)
// on the origin she reached the lake by. What she may not load keeps its plain address, which
// answers 401/403 without a token. The stored documents are never changed: signing is for one answer.
import { assetIdOfFileName, storedFileName } from '../assets/assetDocuments.ts'
import { assetVerdict } from '../assets/assetReaders.ts'
import type { Access } from '../auth/access.ts'
import type { Dataset } from '../dataset.ts'
import type { LakeDocument } from '../mutations/document.ts'
import type { LakeServices } from './lakeEnv.ts'

const assetKinds = new Map<string, 'images' | 'files'>([
  ['sanity.imageAsset', 'images'],
  ['sanity.fileAsset', 'files'],
])
const bareAssetUrl = /^https?:\/\/[^/?#]+\/(images|files)\/[^/?#]+\/[^/?#]+\/([^/?#]+)$/

export interface AssetUrlSigning {
  /** The document, with a signed `url` when it is an asset the reader may load. */
  document: <T extends LakeDocument>(document: T) => T
  /** Any answer (a query's result): every asset document and asset address in it, signed where allowed. */
  value: (value: unknown) => unknown
}

export function assetUrlSigning(services: LakeServices, dataset: Dataset, access: Access, requestUrl: string): AssetUrlSigning {
  const origin = new URL(requestUrl).origin
  const now = services.clock.now().getTime()
  const verdicts = new Map<string, boolean>()
  const mayLoad = (asset: LakeDocument) => {
    let allowed = verdicts.get(asset._id)
    if (allowed === undefined) {
      allowed = assetVerdict(asset, () => dataset.assetUsers(asset._id), access) === 'allowed'
      verdicts.set(asset._id, allowed)
    }
    return allowed
  }
  const signedUrl = (asset: LakeDocument): string | null => {
    const kind = assetKinds.get(asset._type)
    const name = storedFileName(asset._id)
    if (!kind || !name || !mayLoad(asset)) return null
    const path = `/${kind}/${services.projectId}/${dataset.name}/${name}`
    return `${origin}${path}?${services.assetUrls.sign(path, now)}`
  }

  /** The signed address of the lake's own asset document `_id` (of type `_type`), or null. */
  const assetUrl = (id: string, type: string): string | null => {
    if (!assetKinds.has(type)) return null
    // Only the lake's own asset documents: the stored one, not a look-alike object in a field.
    const stored = dataset.get(id)
    return stored && stored._type === type ? signedUrl(stored) : null
  }

  const document = <T extends LakeDocument>(item: T): T => {
    const url = assetUrl(item._id, item._type)
    return url ? { ...item, url } : item
  }

  const bare = (text: string): string => {
    const match = bareAssetUrl.exec(text)
    const kind = match?.[1] === 'images' ? 'images' : 'files'
    const assetId = match?.[2] ? assetIdOfFileName(kind, match[2]) : null
    const asset = assetId ? dataset.get(assetId) : null
    if (!asset || asset.url !== text) return text
    return signedUrl(asset) ?? text
  }

  // Copies only what changes: most answers hold no asset at all and come back as they were.
  const value = (item: unknown): unknown => {
    if (typeof item === 'string') return item.startsWith('http') ? bare(item) : item
    if (Array.isArray(item)) {
      const walked = item.map(value)
      return walked.some((element, index) => element !== item[index]) ? walked : item
    }
    if (!item || typeof item !== 'object') return item
    const entries = Object.entries(item)
    let fields: Record<string, unknown> | null = null
    for (const [index, [key, field]] of entries.entries()) {
      const walked = value(field)
      if (walked !== field && !fields) fields = Object.fromEntries(entries.slice(0, index))
      if (fields) fields[key] = walked
    }
    const id = '_id' in item ? item._id : undefined
    const type = '_type' in item ? item._type : undefined
    const url = typeof id === 'string' && typeof type === 'string' ? assetUrl(id, type) : null
    if (url) return { ...(fields ?? item), url }
    return fields ?? item
  }

  return { document, value }
}
