// Assets: upload through @sanity/client, EXIF and GPS stripped, the image URL API, and who may see them.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLake, type LakeHarness } from './lakeHarness.ts'
import { apiVersionPath } from '../../core/index.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake()
})
afterAll(async () => {
  await harness.stop()
})

/** A small JPEG carrying an EXIF block with a camera make and a GPS position. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 80, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'FictionalCam', Model: 'GPS-1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '11/1 33/1 0/1' } })
    .toBuffer()
}

const base = () => `http://127.0.0.1:${harness.port}`

describe('assets', () => {
  it('uploads an image, names it as Sanity does, and keeps no EXIF or GPS', async () => {
    const upload = await photoWithGps()
    expect((await sharp(upload).metadata()).exif).toBeDefined()
    const asset = await harness.client('therapist').assets.upload('image', upload, { filename: 'photo.jpg' })
    expect(asset._id).toMatch(/^image-[a-f0-9]{40}-120x80-jpg$/)
    expect(asset).toMatchObject({
      _type: 'sanity.imageAsset',
      extension: 'jpg',
      mimeType: 'image/jpeg',
      metadata: { dimensions: { width: 120, height: 80 } },
    })

    const response = await fetch(`${base()}/${asset.path}`, { headers: { Authorization: `Bearer ${harness.tokens.therapist}` } })
    expect(response.status).toBe(200)
    const stored = Buffer.from(await response.arrayBuffer())
    const metadata = await sharp(stored).metadata()
    expect(metadata.exif).toBeUndefined()
    expect(stored.includes(Buffer.from('FictionalCam'))).toBe(false)
  })

  it('resizes and converts through the image URL API', async () => {
    const asset = await harness.client('therapist').assets.upload('image', await photoWithGps(), { filename: 'photo.jpg' })
    const response = await fetch(`${base()}/${asset.path}?w=60&fm=webp`, {
      headers: { Authorization: `Bearer ${harness.tokens.therapist}` },
    })
    expect(response.headers.get('content-type')).toBe('image/webp')
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
    expect([metadata.width, metadata.height]).toEqual([60, 40])
  })

  it('refuses an upload that is not an image, and says which formats are', async () => {
    await expect(
      harness.client('therapist').assets.upload('image', Buffer.from('not an image'), { filename: 'x.jpg' }),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('send a JPEG, PNG'),
    })
  })

  it('serves an image of a private document to no one without a token', async () => {
    const asset = await harness.client('therapist').assets.upload('image', await photoWithGps(), { filename: 'consent-form.jpg' })
    await harness
      .client('supervisor')
      .create({ _id: 'consent-scan', _type: 'consentRecord', scan: { _type: 'image', asset: { _ref: asset._id } } })
    expect((await fetch(`${base()}/${asset.path}`)).status).toBe(401)
    expect((await fetch(`${base()}/${asset.path}`, { headers: { Authorization: `Bearer ${harness.tokens.publisher}` } })).status).toBe(403)
  })

  it('serves an image used by a published public document to anyone', async () => {
    const asset = await harness.client('therapist').assets.upload(
      'image',
      await sharp({ create: { width: 10, height: 10, channels: 3, background: 'blue' } })
        .png()
        .toBuffer(),
    )
    await harness
      .client('supervisor')
      .create({ _id: 'ceremony-photo', _type: 'ceremony', photo: { _type: 'image', asset: { _ref: asset._id } } })
    expect((await fetch(`${base()}/${asset.path}`)).status).toBe(200)
  })

  it('serves a private image to a browser holding the asset session its token opened, and to no other', async () => {
    const asset = await harness.client('therapist').assets.upload('image', await photoWithGps(), { filename: 'private.jpg' })
    await harness
      .client('supervisor')
      .create({ _id: 'consent-scan-2', _type: 'consentRecord', scan: { _type: 'image', asset: { _ref: asset._id } } })
    const opened = await fetch(`${base()}${apiVersionPath}/auth/asset-session`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${harness.tokens.supervisor}` },
    })
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    expect(cookie).toMatch(/^lake_asset_session=/)
    expect(opened.headers.get('set-cookie')).toContain('HttpOnly')
    expect((await fetch(`${base()}/${asset.path}`, { headers: { Cookie: cookie } })).status).toBe(200)
    expect((await fetch(`${base()}/${asset.path}`, { headers: { Cookie: 'lake_asset_session=forged' } })).status).toBe(401)
  })

  it('serves an uploaded HTML or SVG file as a download that can not run, and a recording as itself', async () => {
    const client = harness.client('administrator')
    const page = await client.assets.upload('file', Buffer.from('<script>fetch("/x")</script>'), {
      filename: 'notes.html',
      contentType: 'text/html',
    })
    const served = await fetch(`${base()}/${page.path}`, { headers: { Authorization: `Bearer ${harness.tokens.administrator}` } })
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('application/octet-stream')
    expect(served.headers.get('content-disposition')).toBe('attachment')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-security-policy')).toBe('sandbox')
    const sound = await client.assets.upload('file', Buffer.from([0xff, 0xfb, 0x90, 0x64]), {
      filename: 'reading.mp3',
      contentType: 'audio/mpeg',
    })
    const played = await fetch(`${base()}/${sound.path}`, { headers: { Authorization: `Bearer ${harness.tokens.administrator}` } })
    expect(played.headers.get('content-type')).toBe('audio/mpeg')
    expect(played.headers.get('content-disposition')).toBeNull()
  })
})
