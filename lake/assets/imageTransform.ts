// Sanity's image URL API over sharp: w, h, fit, crop, rect, fm, auto=format, q, dpr, as
// @sanity/image-url builds them (https://www.sanity.io/docs/image-urls).
import sharp, { type FitEnum } from 'sharp'
import { z } from 'zod'
import { badRequest } from '../errors.ts'
import { describeZodError } from '../../core/index.ts'

const maxDimension = 8192
const dimension = z.coerce.number().int().min(1).max(maxDimension)

export const imageParams = z.object({
  w: dimension.optional(),
  h: dimension.optional(),
  fit: z.enum(['clip', 'crop', 'fill', 'fillmax', 'max', 'scale', 'min']).optional(),
  crop: z.string().optional(),
  rect: z
    .string()
    .regex(/^\d+,\d+,\d+,\d+$/)
    .optional(),
  fm: z.enum(['jpg', 'pjpg', 'png', 'webp', 'avif']).optional(),
  auto: z.literal('format').optional(),
  q: z.coerce.number().int().min(0).max(100).optional(),
  dpr: z.coerce.number().min(1).max(3).optional(),
})
export type ImageParams = z.infer<typeof imageParams>

const fits: Record<NonNullable<ImageParams['fit']>, keyof FitEnum> = {
  clip: 'inside',
  max: 'inside',
  min: 'outside',
  crop: 'cover',
  fill: 'contain',
  fillmax: 'contain',
  scale: 'fill',
}

export function readImageParams(url: URL): ImageParams {
  const parsed = imageParams.safeParse(Object.fromEntries(url.searchParams))
  if (!parsed.success) {
    throw badRequest(`Image parameters are not valid: ${describeZodError(parsed.error)}`, 'invalidImageParameterError')
  }
  return parsed.data
}

/** Whether the request names no transformation at all (`dl` and the like are not transformations). */
export const asksForOriginal = (params: ImageParams) => Object.values(params).every((value) => value === undefined)

/** The transformed image, and its type. `accept` is the browser's Accept header, for auto=format. */
export async function transformImage(source: Buffer, params: ImageParams, accept: string): Promise<{ bytes: Buffer; mimeType: string }> {
  let image = sharp(source).rotate()
  if (params.rect) {
    const [left, top, width, height] = params.rect.split(',').map(Number)
    image = image.extract({ left: left ?? 0, top: top ?? 0, width: width ?? 1, height: height ?? 1 })
  }
  const scale = params.dpr ?? 1
  if (params.w || params.h) {
    image = image.resize({
      width: params.w ? Math.min(maxDimension, Math.round(params.w * scale)) : undefined,
      height: params.h ? Math.min(maxDimension, Math.round(params.h * scale)) : undefined,
      fit: fits[params.fit ?? 'clip'],
      position: params.crop?.includes('entropy') ? 'entropy' : params.crop?.includes('top') ? 'top' : 'centre',
      withoutEnlargement: params.fit !== 'min' && params.fit !== 'scale',
    })
  }
  const format =
    params.fm ??
    (params.auto === 'format' ? (accept.includes('image/avif') ? 'avif' : accept.includes('image/webp') ? 'webp' : undefined) : undefined)
  if (format) {
    const target = format === 'jpg' || format === 'pjpg' ? 'jpeg' : format
    image = image.toFormat(target, { quality: params.q ?? 80, progressive: format === 'pjpg' })
  }
  const { data, info } = await image.toBuffer({ resolveWithObject: true })
  return { bytes: data, mimeType: `image/${info.format === 'jpeg' ? 'jpeg' : info.format}` }
}
