// An uploaded image made safe to keep: decoded with sharp (anything else is refused), turned upright,
// and re-encoded without its metadata, so that EXIF and GPS positions never reach the archive. An
// image that holds nothing but its picture (bareImage.ts) is kept as it came, as Sanity keeps it.
import sharp from 'sharp'
import { isBareImage } from './bareImage.ts'
import { badRequest } from '../errors.ts'

const formats = {
  jpeg: { extension: 'jpg', mimeType: 'image/jpeg' },
  png: { extension: 'png', mimeType: 'image/png' },
  webp: { extension: 'webp', mimeType: 'image/webp' },
  gif: { extension: 'gif', mimeType: 'image/gif' },
  avif: { extension: 'avif', mimeType: 'image/avif' },
  heif: { extension: 'avif', mimeType: 'image/avif' },
  tiff: { extension: 'tif', mimeType: 'image/tiff' },
} as const
type Format = keyof typeof formats
/** The type of an image the lake keeps, by its extension; null for any other extension. */
export const imageMimeTypeOf = (extension: string): string | null =>
  Object.values(formats).find((format) => format.extension === extension)?.mimeType ?? null

const isFormat = (value: string | undefined): value is Format => value !== undefined && value in formats

export interface PreparedImage {
  bytes: Buffer
  width: number
  height: number
  extension: string
  mimeType: string
  hasAlpha: boolean
}

export async function prepareImage(upload: Buffer): Promise<PreparedImage> {
  let metadata
  try {
    metadata = await sharp(upload).metadata()
  } catch {
    throw badRequest(
      'The upload is not an image this archive can read; send a JPEG, PNG, WebP, GIF, AVIF or TIFF file',
      'invalidImageError',
    )
  }
  if (!isFormat(metadata.format)) {
    throw badRequest(
      `Images in ${metadata.format ?? 'this'} format are not accepted; send a JPEG, PNG, WebP, GIF, AVIF or TIFF file`,
      'invalidImageError',
    )
  }
  const format = metadata.format === 'heif' ? 'avif' : metadata.format
  // sharp writes no metadata unless asked to: re-encoding drops EXIF, GPS, XMP and IPTC.
  const { data, info } = await sharp(upload, { animated: format === 'gif' || format === 'webp' })
    .rotate()
    .toFormat(format, format === 'jpeg' ? { quality: 95, mozjpeg: true } : {})
    .toBuffer({ resolveWithObject: true })
  // Decoded whole all the same: a bare image is kept only once sharp has read every pixel of it.
  const bare = isBareImage(upload) && (metadata.orientation ?? 1) === 1 && (metadata.pages ?? 1) === 1
  return {
    bytes: bare ? upload : data,
    width: info.width,
    height: metadata.pages && metadata.pages > 1 && metadata.pageHeight ? metadata.pageHeight : info.height,
    extension: formats[format].extension,
    mimeType: formats[format].mimeType,
    hasAlpha: info.channels === 4,
  }
}
