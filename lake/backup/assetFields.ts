// Asset fields in Sanity's export format: each `{asset: {_ref: "image-…"}}` in a document is written
// as `_sanityAsset: "image@file://./images/<file>"` in the same place, and read back the same way.
const assetReference = /^(image|file)-[a-f0-9]{40}-/

export function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value)
}

/** Rewrites every asset field below a value with `rewrite`, keeping everything else and its order. */
export function mapAssetFields(value: unknown, rewrite: (field: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => mapAssetFields(item, rewrite))
  if (!isRecord(value)) return value
  const asset = value.asset
  const isAssetField = isRecord(asset) && typeof asset._ref === 'string' && assetReference.test(asset._ref)
  const inner = Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, key === 'asset' ? child : mapAssetFields(child, rewrite)]),
  )
  return isAssetField || typeof value._sanityAsset === 'string' ? rewrite(inner) : inner
}

/** Replaces the key `from` by `to` with a new value, where it stood (so the JSON reads the same). */
export function replaceKey(field: Record<string, unknown>, from: string, to: string, value: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(field).map(([key, child]) => (key === from ? [to, value] : [key, child])))
}
