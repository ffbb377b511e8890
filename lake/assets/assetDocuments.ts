// The asset documents Sanity keeps for each uploaded image or file, built in one place for the
// upload endpoints and for importing an export archive.
import type { LakeDocument } from '../mutations/document.ts'
import type { PreparedImage } from './preparedImage.ts'

export interface AssetPlace {
  projectId: string
  dataset: string
  /** The lake's origin as the caller sees it, for the `url` field. */
  origin: string
}

export const imageFileName = (sha1: string, image: Pick<PreparedImage, 'width' | 'height' | 'extension'>) =>
  `${sha1}-${image.width}x${image.height}.${image.extension}`

export function imageAssetDocument(sha1: string, image: PreparedImage, filename: string, place: AssetPlace): LakeDocument {
  const path = `images/${place.projectId}/${place.dataset}/${imageFileName(sha1, image)}`
  return {
    _id: `image-${sha1}-${image.width}x${image.height}-${image.extension}`,
    _type: 'sanity.imageAsset',
    assetId: sha1,
    sha1hash: sha1,
    extension: image.extension,
    mimeType: image.mimeType,
    size: image.bytes.length,
    originalFilename: filename,
    path,
    url: `${place.origin}/${path}`,
    metadata: {
      _type: 'sanity.imageMetadata',
      dimensions: { _type: 'sanity.imageDimensions', width: image.width, height: image.height, aspectRatio: image.width / image.height },
      hasAlpha: image.hasAlpha,
      isOpaque: !image.hasAlpha,
    },
  }
}

export function fileAssetDocument(
  sha1: string,
  extension: string,
  size: number,
  mimeType: string,
  filename: string,
  place: AssetPlace,
): LakeDocument {
  const path = `files/${place.projectId}/${place.dataset}/${sha1}.${extension}`
  return {
    _id: `file-${sha1}-${extension}`,
    _type: 'sanity.fileAsset',
    assetId: sha1,
    sha1hash: sha1,
    extension,
    mimeType,
    size,
    originalFilename: filename,
    path,
    url: `${place.origin}/${path}`,
  }
}

/** Where an asset document's bytes are kept: `<sha1>-<w>x<h>.<ext>` for images, `<sha1>.<ext>` for files. */
export function storedFileName(assetId: string): string | null {
  const image = /^image-([a-f0-9]{40})-(\d+x\d+)-([a-z0-9]+)$/.exec(assetId)
  if (image) return `${image[1]}-${image[2]}.${image[3]}`
  const file = /^file-([a-f0-9]{40})-([a-z0-9]+)$/.exec(assetId)
  return file ? `${file[1]}.${file[2]}` : null
}

/** The other way: the asset document whose bytes an `/images/…` or `/files/…` address names; null for any other name. */
export function assetIdOfFileName(kind: 'images' | 'files', name: string): string | null {
  const match = kind === 'images' ? /^([a-f0-9]{40})-(\d+x\d+)\.([a-z0-9]+)$/.exec(name) : /^([a-f0-9]{40})\.([a-z0-9]+)$/.exec(name)
  if (!match) return null
  return kind === 'images' ? `image-${match[1]}-${match[2]}-${match[3]}` : `file-${match[1]}-${match[2]}`
}
