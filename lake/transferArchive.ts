// Sanity's export archive (what `sanity dataset export` writes and `sanity dataset import` reads):
// a tar.gz holding <name>/data.ndjson, <name>/assets.json and the asset files under images/ and
// files/, with each asset field in the documents written as `_sanityAsset: "image@file://./images/…"`.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tar from 'tar'
import { fileAssetDocument, imageAssetDocument, imageFileName, storedFileName, type AssetPlace } from './assets/assetDocuments.ts'
import { sha1Of } from './assets/assetStore.ts'
import { prepareImage } from './assets/preparedImage.ts'
import type { Dataset } from './dataset.ts'
import { formatArchive, parseArchive } from './datasetFile.ts'
import { badRequest } from './errors.ts'
import { withoutErased } from './importErasures.ts'
import type { LakeDocument } from './mutations/document.ts'

const assetTypes = ['sanity.imageAsset', 'sanity.fileAsset']
const assetReference = /^(image|file)-[a-f0-9]{40}-/

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value)
}

/** Rewrites every `{asset: {_ref}}` below a value with `rewrite`, keeping everything else. */
function mapAssetFields(value: unknown, rewrite: (field: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => mapAssetFields(item, rewrite))
  if (!isRecord(value)) return value
  const asset = value.asset
  const isAssetField = isRecord(asset) && typeof asset._ref === 'string' && assetReference.test(asset._ref)
  const inner = Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, key === 'asset' ? child : mapAssetFields(child, rewrite)]),
  )
  return isAssetField || typeof value._sanityAsset === 'string' ? rewrite(inner) : inner
}

export async function exportArchive(dataset: Dataset, file: string, now: Date): Promise<{ documents: number; assets: number }> {
  const work = mkdtempSync(join(tmpdir(), 'lake-export-'))
  const prefix = `${dataset.name}-export-${now.toISOString().slice(0, 10)}`
  const root = join(work, prefix)
  mkdirSync(join(root, 'images'), { recursive: true })
  mkdirSync(join(root, 'files'), { recursive: true })
  try {
    const documents = [...dataset.documents()].sort((a, b) => a._id.localeCompare(b._id))
    const assets = documents.filter((d) => assetTypes.includes(d._type))
    const assetMeta: Record<string, unknown> = {}
    for (const asset of assets) {
      const name = storedFileName(asset._id)
      const bytes = name ? dataset.assets.get(name) : null
      if (!name || !bytes) continue
      writeFileSync(join(root, asset._type === 'sanity.imageAsset' ? 'images' : 'files', name), bytes)
      assetMeta[asset._id] = { originalFilename: asset.originalFilename }
    }
    const rewritten = documents
      .filter((d) => !assetTypes.includes(d._type))
      .map((d) =>
        mapAssetFields(d, (field) => {
          const { asset, ...rest } = field
          const id = isRecord(asset) && typeof asset._ref === 'string' ? asset._ref : ''
          const kind = id.startsWith('image-') ? 'image' : 'file'
          return { _sanityAsset: `${kind}@file://./${kind}s/${storedFileName(id)}`, ...rest }
        }),
      )
    writeFileSync(join(root, 'data.ndjson'), formatArchive(rewritten.filter(isRecord)))
    writeFileSync(join(root, 'assets.json'), JSON.stringify(assetMeta))
    await tar.create({ gzip: true, file, cwd: work, portable: true }, [prefix])
    return { documents: rewritten.length, assets: assets.length }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export async function importArchive(dataset: Dataset, file: string, options: { author: string; replace: boolean; place: AssetPlace }) {
  const work = mkdtempSync(join(tmpdir(), 'lake-import-'))
  try {
    await tar.extract({ file, cwd: work, strict: true }).catch((error: unknown) => {
      throw badRequest(
        `${file} is not a readable .tar.gz export (${error instanceof Error ? error.message : String(error)})`,
        'invalidImportError',
      )
    })
    const folder = readdirSync(work)
      .map((name) => join(work, name))
      .find((path) => existsSync(join(path, 'data.ndjson')))
    if (!folder) throw badRequest(`${file} holds no data.ndjson; is it an export made by Sanity or the lake?`, 'invalidImportError')
    const meta: unknown = existsSync(join(folder, 'assets.json')) ? JSON.parse(readFileSync(join(folder, 'assets.json'), 'utf8')) : {}
    const assetDocuments = new Map<string, LakeDocument>()
    const assetIdOf = new Map<string, string>()
    const { kept: documents, leftOut } = withoutErased(parseArchive(readFileSync(join(folder, 'data.ndjson'), 'utf8')), dataset.documents())
    for (const reference of new Set(
      documents.flatMap((d) =>
        [...JSON.stringify(d).matchAll(/"_sanityAsset":"((?:image|file)@file:\/\/\.\/[^"]+)"/g)].map((m) => m[1] ?? ''),
      ),
    )) {
      const [kind, path] = reference.split('@file://./')
      const bytes = path && !path.includes('..') && existsSync(join(folder, path)) ? readFileSync(join(folder, path)) : null
      if (!bytes) throw badRequest(`The export refers to ${path}, which it does not hold`, 'invalidImportError')
      const sha1 = sha1Of(bytes)
      const stored = path?.split('/').pop() ?? 'asset'
      const filename = originalFilenameOf(meta, stored) ?? stored
      let document: LakeDocument
      if (kind === 'image') {
        const image = await prepareImage(bytes)
        dataset.assets.put(imageFileName(sha1, image), image.bytes)
        document = imageAssetDocument(sha1, image, filename, options.place)
      } else {
        const extension = stored.split('.').pop() ?? 'bin'
        dataset.assets.put(`${sha1}.${extension}`, bytes)
        document = fileAssetDocument(sha1, extension, bytes, 'application/octet-stream', filename, options.place)
      }
      assetDocuments.set(document._id, document)
      assetIdOf.set(reference, document._id)
    }
    const restored = documents.map((d) =>
      mapAssetFields(d, (field) => {
        const { _sanityAsset, ...rest } = field
        return { ...rest, asset: { _type: 'reference', _ref: assetIdOf.get(String(_sanityAsset)) } }
      }),
    )
    const key = options.replace ? 'createOrReplace' : 'createIfNotExists'
    const mutations = [...[...assetDocuments.values()].map((d) => ({ createIfNotExists: d })), ...restored.map((d) => ({ [key]: d }))]
    const result = dataset.mutate(mutations, { author: options.author, restoring: true })
    return { transactionId: result.transactionId, documents: documents.length, assets: assetDocuments.size, leftOut }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export const isArchiveFile = (file: string) => file.endsWith('.tar.gz') || file.endsWith('.tgz')

/** assets.json is keyed by the exporting dataset's asset ids; find the entry for a stored file. */
function originalFilenameOf(meta: unknown, stored: string): string | undefined {
  if (!isRecord(meta)) return undefined
  const entry = Object.entries(meta).find(([id]) => storedFileName(id) === stored)?.[1]
  return isRecord(entry) && typeof entry.originalFilename === 'string' ? entry.originalFilename : undefined
}
