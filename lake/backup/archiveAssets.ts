// The assets an export archive refers to, put into the dataset: a file under its SHA-1 (it is
// content-addressed); an image restored as it was when the archive is the lake's own and the
// image carries no metadata, otherwise made anew like an upload (re-encoded without EXIF or GPS).
import sharp from 'sharp'
import { fileAssetDocument, imageAssetDocument, imageFileName, storedFileName, type AssetPlace } from '../assets/assetDocuments.ts'
import type { ReceivedAsset } from '../assets/assetStore.ts'
import { sha1Of } from '../assets/assetStore.ts'
import { prepareImage } from '../assets/preparedImage.ts'
import { fileTypeOf } from '../assets/fileTypes.ts'
import type { Dataset } from '../dataset.ts'
import { badRequest } from '../errors.ts'
import type { LakeDocument } from '../mutations/document.ts'
import { isRecord } from './assetFields.ts'

export interface ArchiveAssets {
  images: Map<string, Buffer>
  files: Map<string, ReceivedAsset>
}

export interface PlacedAssets {
  /** The asset documents, by id. */
  documents: Map<string, LakeDocument>
  /** Each `_sanityAsset` value of the archive, and the id of its asset. */
  idOf: Map<string, string>
}

/** The asset document the lake exported for a stored file (assets.json holds them whole), if any. */
function exportedAsset(meta: unknown, stored: string, type: string): LakeDocument | null {
  if (!isRecord(meta)) return null
  for (const [id, value] of Object.entries(meta))
    if (storedFileName(id) === stored && isRecord(value) && value._id === id && value._type === type)
      return { ...value, _id: id, _type: type }
  return null
}

/**
 * The name the file was uploaded under: the lake's assets.json keys it by the asset's id, Sanity's
 * exporter by `<kind>-<SHA-1 of the bytes>` (and names a file with digits in its extension, an
 * `.mp3`, `<sha1>-mp3.bin`, so only this name tells its extension).
 */
function originalFilenameOf(meta: unknown, stored: string, sanityKey: string): string | undefined {
  if (!isRecord(meta)) return undefined
  const entry = Object.entries(meta).find(([id]) => storedFileName(id) === stored)?.[1] ?? meta[sanityKey]
  return isRecord(entry) && typeof entry.originalFilename === 'string' ? entry.originalFilename : undefined
}

const extensionOf = (name: string) => /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase()

/** Whether an image is as the lake keeps its uploads: readable, the size its id says, no metadata. */
async function isKeptAsIs(bytes: Buffer, asset: LakeDocument): Promise<boolean> {
  try {
    const metadata = await sharp(bytes).metadata()
    const size = /-(\d+)x(\d+)-[a-z0-9]+$/.exec(asset._id)
    const pageHeight = metadata.pages && metadata.pages > 1 ? metadata.pageHeight : metadata.height
    return !metadata.exif && !metadata.xmp && !metadata.iptc && metadata.width === Number(size?.[1]) && pageHeight === Number(size?.[2])
  } catch {
    return false
  }
}

export async function placeAssets(
  dataset: Dataset,
  documents: ReadonlyArray<LakeDocument>,
  archive: ArchiveAssets,
  meta: unknown,
  options: { restoring: boolean; place: AssetPlace },
): Promise<PlacedAssets> {
  const placed: PlacedAssets = { documents: new Map(), idOf: new Map() }
  const references = new Set(
    documents.flatMap((d) =>
      [...JSON.stringify(d).matchAll(/"_sanityAsset":"((?:image|file)@file:\/\/\.\/[^"]+)"/g)].map((m) => m[1] ?? ''),
    ),
  )
  // A restore brings back every asset the archive holds, also those no document uses yet.
  if (options.restoring && isRecord(meta))
    for (const id of Object.keys(meta)) {
      const kind = id.startsWith('image-') ? 'image' : 'file'
      const path = `${kind}s/${storedFileName(id)}`
      if (archive.images.has(path) || archive.files.has(path)) references.add(`${kind}@file://./${path}`)
    }
  for (const reference of references) {
    const [kind, path = ''] = reference.split('@file://./')
    const stored = path.split('/').pop() ?? 'asset'
    let document: LakeDocument
    if (kind === 'image') {
      const bytes = archive.images.get(path)
      if (!bytes) throw badRequest(`The export refers to ${path}, which it does not hold`, 'invalidImportError')
      const sha1 = sha1Of(bytes)
      const filename = originalFilenameOf(meta, stored, `image-${sha1}`) ?? stored
      const exported = options.restoring ? exportedAsset(meta, stored, 'sanity.imageAsset') : null
      if (exported && (await isKeptAsIs(bytes, exported))) {
        dataset.assets.put(stored, bytes)
        document = exported
      } else {
        const image = await prepareImage(bytes)
        dataset.assets.put(imageFileName(sha1, image), image.bytes)
        document = imageAssetDocument(sha1, image, filename, options.place)
      }
    } else {
      const received = archive.files.get(path)
      if (!received) throw badRequest(`The export refers to ${path}, which it does not hold`, 'invalidImportError')
      const filename = originalFilenameOf(meta, stored, `file-${received.sha1}`) ?? stored
      // The stored name's extension, unless it is Sanity's `.bin` for one it could not name.
      const storedExtension = extensionOf(stored) ?? 'bin'
      const extension = storedExtension === 'bin' ? (extensionOf(filename) ?? 'bin') : storedExtension
      received.keep(`${received.sha1}.${extension}`)
      const exported = options.restoring ? exportedAsset(meta, `${received.sha1}.${extension}`, 'sanity.fileAsset') : null
      document =
        exported && exported.size === received.size
          ? exported
          : fileAssetDocument(received.sha1, extension, received.size, fileTypeOf(extension, undefined), filename, options.place)
    }
    placed.documents.set(document._id, document)
    placed.idOf.set(reference, document._id)
  }
  return placed
}
