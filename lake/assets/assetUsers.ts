// Which documents use which asset: an image or file field holds `{asset: {_ref: "image-…"}}`
// anywhere in a document. The asset routes ask this on every image request, so it is indexed once
// per version of the dataset rather than worked out by scanning every document each time.
import { referenceOf, type LakeDocument } from '../mutations/document.ts'

/** The asset ids a value refers to through `asset` fields, at any depth. */
export function assetRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(assetRefs)
  if (!value || typeof value !== 'object') return []
  const own = 'asset' in value ? referenceOf(value.asset) : null
  return [...(own ? [own] : []), ...Object.values(value).flatMap(assetRefs)]
}

/** For each asset id, the documents using it. */
export function indexAssetUsers(documents: ReadonlyArray<LakeDocument>): Map<string, LakeDocument[]> {
  const users = new Map<string, LakeDocument[]>()
  for (const document of documents)
    for (const assetId of new Set(assetRefs(document))) {
      const using = users.get(assetId)
      if (using) using.push(document)
      else users.set(assetId, [document])
    }
  return users
}
