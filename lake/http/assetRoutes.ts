// Assets: image and file upload (images decoded and stripped of EXIF and GPS; files streamed to
// disk), the image URL API, and files with Range requests (an audio player seeks). An asset is
// served to a token that may read a document using it; without a token, only when a published
// public document (other than a testimony, whose images the consent gate decides) uses it, or to
// an address the lake signed for a reader who may load it (see assets/assetReaders.ts).
import { Hono } from 'hono'
import { createHash } from 'node:crypto'
import type { Access } from '../auth/access.ts'
import { sha1Of } from '../assets/assetStore.ts'
import { asksForOriginal, readImageParams, transformImage } from '../assets/imageTransform.ts'
import { imageMimeTypeOf, prepareImage } from '../assets/preparedImage.ts'
import { fileTypeOf } from '../assets/fileTypes.ts'
import type { Dataset } from '../dataset.ts'
import { badRequest, forbidden, LakeError, notFound, unauthorized } from '../errors.ts'
import { maxAssetBytes } from '../limits.ts'
import type { LakeDocument } from '../mutations/document.ts'
import { assetVerdict } from '../assets/assetReaders.ts'
import { assetRequestUrl, signatureParams } from '../auth/assetUrlSignatures.ts'
import { assetIdOfFileName, fileAssetDocument, imageAssetDocument, imageFileName } from '../assets/assetDocuments.ts'
import { byteRange } from './byteRange.ts'
import type { LakeEnv, LakeServices } from './lakeEnv.ts'
import { chunksOf, webStreamOf } from '../webStreams.ts'
import { assetAccess, bearerToken, optionalAccess } from './signIn.ts'
import { setCookie } from 'hono/cookie'
import type { Context } from 'hono'
import { assetUrlSigning } from './signedAssetUrls.ts'
import { assetSessionCookie } from '../auth/assetSessions.ts'

const tooLarge = () => new LakeError(413, 'requestEntityTooLargeError', `Assets may be at most ${maxAssetBytes} bytes`)
const emptyUpload = () => badRequest('The upload is empty: send the file as the request body')

async function readUpload(request: Request): Promise<Buffer> {
  const bytes = Buffer.from(await request.arrayBuffer())
  if (bytes.length === 0) throw emptyUpload()
  if (bytes.length > maxAssetBytes) throw tooLarge()
  return bytes
}

export function assetRoutes(services: LakeServices) {
  const app = new Hono<LakeEnv>()

  const upload = async (dataset: Dataset, access: Access, assetDocument: LakeDocument) => {
    const existing = dataset.get(assetDocument._id)
    if (existing) return existing
    dataset.mutate([{ createIfNotExists: assetDocument }], { author: access.user.id })
    return dataset.get(assetDocument._id)
  }

  app.post('/:version/assets/images/:dataset', async (c) => {
    const access = requireWriter(optionalAccess(c, services))
    const dataset = services.datasets.get(c.req.param('dataset'))
    const uploaded = await readUpload(c.req.raw)
    const image = await prepareImage(uploaded)
    // Named by the SHA-1 of the file as uploaded, as Sanity does, so the Studio's duplicate check
    // finds it; what is stored is the re-encoded image without its metadata.
    const sha1 = sha1Of(uploaded)
    dataset.assets.put(imageFileName(sha1, image), image.bytes)
    const place = { projectId: services.projectId, dataset: dataset.name, origin: new URL(c.req.url).origin }
    const document = await upload(
      dataset,
      access,
      imageAssetDocument(sha1, image, c.req.query('filename') ?? imageFileName(sha1, image), place),
    )
    return c.json({ document: document && assetUrlSigning(services, dataset, access, c.req.url).document(document) })
  })

  app.post('/:version/assets/files/:dataset', async (c) => {
    const access = requireWriter(optionalAccess(c, services))
    const dataset = services.datasets.get(c.req.param('dataset'))
    const filename = c.req.query('filename') ?? 'file'
    const extension = /\.([a-z0-9]{1,8})$/i.exec(filename)?.[1]?.toLowerCase() ?? 'bin'
    // Streamed to disk (sealed on the way in an encrypted folder), never held whole in memory.
    const received = await dataset.assets.receive(chunksOf(c.req.raw.body), maxAssetBytes, tooLarge)
    if (received.size === 0) {
      received.discard()
      throw emptyUpload()
    }
    received.keep(`${received.sha1}.${extension}`)
    const place = { projectId: services.projectId, dataset: dataset.name, origin: new URL(c.req.url).origin }
    const mimeType = fileTypeOf(extension, c.req.header('Content-Type'))
    const document = await upload(dataset, access, fileAssetDocument(received.sha1, extension, received.size, mimeType, filename, place))
    return c.json({ document: document && assetUrlSigning(services, dataset, access, c.req.url).document(document) })
  })

  // The Studio trades its token for a cookie that <img> requests carry (see auth/assetSessions.ts).
  app.post('/:version/auth/asset-session', (c) => {
    requireAccess(optionalAccess(c, services))
    const session = services.assetSessions.open(bearerToken(c), services.clock.now().getTime())
    setCookie(c, assetSessionCookie, session.id, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: session.maxAgeSeconds })
    return c.json({ ok: true, expiresInSeconds: session.maxAgeSeconds })
  })

  app.get('/images/:project/:dataset/:name', async (c) => {
    const dataset = services.datasets.get(c.req.param('dataset'))
    const name = c.req.param('name')
    const assetId = assetIdOfFileName('images', name)
    if (!assetId) throw notFound(`No image "${name}"`)
    mayServe(c, services, dataset, assetId)
    const source = dataset.assets.get(name)
    if (!source) throw notFound(`No image "${name}"`)
    const url = assetRequestUrl(c.req.url)
    const params = readImageParams(url)
    const accept = c.req.header('Accept') ?? ''
    // Without parameters, the stored file itself, as Sanity serves an original (what an export
    // downloads), typed by its extension (always an image type), never by a field of a document.
    const originalType = imageMimeTypeOf(name.slice(name.lastIndexOf('.') + 1))
    if (asksForOriginal(params) && originalType) return c.body(new Uint8Array(source), 200, imageHeaders(originalType))
    // The signature is left out: every signed address of one rendition shares its cached bytes.
    const rendition = [...url.searchParams].filter(([param]) => !signatureParamNames.has(param))
    const key = createHash('sha1')
      .update(`${name}?${rendition.sort().join('&')}|${params.auto === 'format' ? accept : ''}`)
      .digest('hex')
    let result = dataset.assets.cached(key)
    if (!result) {
      result = await transformImage(source, params, accept)
      dataset.assets.cache(key, result)
    }
    return c.body(new Uint8Array(result.bytes), 200, imageHeaders(result.mimeType))
  })

  app.get('/files/:project/:dataset/:name', async (c) => {
    const dataset = services.datasets.get(c.req.param('dataset'))
    const name = c.req.param('name')
    const assetId = assetIdOfFileName('files', name)
    if (!assetId) throw notFound(`No file "${name}"`)
    mayServe(c, services, dataset, assetId)
    const file = await dataset.assets.open(name)
    if (!file) throw notFound(`No file "${name}"`)
    const stored = dataset.get(assetId)?.mimeType
    const inline = typeof stored === 'string' && inlineFileTypes.test(stored)
    // Anything but a recording, a video, a plain image or a PDF is a download: an uploaded HTML or SVG
    // file must never run as a page on the lake's origin, where the image session cookie lives.
    const headers = {
      'Content-Type': inline ? stored : 'application/octet-stream',
      ...(inline ? {} : { 'Content-Disposition': 'attachment' }),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
      'Cache-Control': 'private',
      'Accept-Ranges': 'bytes',
    }
    const range = byteRange(c.req.header('Range'), file.size)
    if (range === 'unsatisfiable') return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${file.size}` })
    const { start, end } = range === 'whole' ? { start: 0, end: file.size - 1 } : range
    const body = webStreamOf(file.stream(start, end))
    const length = { 'Content-Length': String(end - start + 1) }
    if (range === 'whole') return c.body(body, 200, { ...headers, ...length })
    return c.body(body, 206, { ...headers, ...length, 'Content-Range': `bytes ${start}-${end}/${file.size}` })
  })

  return app
}

const imageHeaders = (mimeType: string) => ({
  'Content-Type': mimeType,
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': 'sandbox',
  'Cache-Control': 'private, max-age=3600',
  Vary: 'Accept, Authorization',
})

const inlineFileTypes = /^(audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+|image\/(png|jpeg|gif|webp|avif)|application\/pdf)$/

function requireAccess(access: Access | null): Access {
  if (!access) throw unauthorized()
  return access
}

/** An uploader's access, checked before any byte is stored, so that a refused upload leaves nothing. */
function requireWriter(access: Access | null): Access {
  const writer = requireAccess(access)
  if (writer.readOnly) throw forbidden(`The ${writer.user.role} role may only read; ask an administrator for a token that may upload`)
  return writer
}

const signatureParamNames = new Set<string>(Object.values(signatureParams))

/** Throws unless this request may have the asset: its address is signed, or its caller may see it (assets/assetReaders.ts). */
function mayServe(c: Context, services: LakeServices, dataset: Dataset, assetId: string): void {
  const asset = dataset.get(assetId)
  if (!asset) throw notFound(`No asset "${assetId}"`)
  const url = assetRequestUrl(c.req.url)
  const signature = services.assetUrls.check(url.pathname, url.searchParams, services.clock.now().getTime())
  if (signature === 'valid') return
  // Who uses the asset is asked only when the token alone does not decide (the index is rebuilt after a write).
  const verdict = assetVerdict(asset, () => dataset.assetUsers(assetId), assetAccess(c, services))
  if (verdict === 'allowed') return
  if (verdict === 'notForThisToken') throw forbidden('This token may not see this asset')
  if (signature === 'expired')
    throw forbidden('This signed asset address has expired; read the asset document again for a new one, or send a lake token')
  if (signature === 'invalid')
    throw forbidden(
      'This asset address carries a signature the lake did not give for it; read the asset document again, or send a lake token',
    )
  throw unauthorized('This asset is not public; send a lake token that may read a document using it')
}
