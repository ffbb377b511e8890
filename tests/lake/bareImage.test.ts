// An image that holds nothing but its picture is kept as uploaded (so that it comes back from an
// export with the same bytes and id); anything that could carry words or a place makes it re-encoded.
import { crc32 } from 'node:zlib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isBareImage } from '../../lake/assets/bareImage.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'

const picture = () => sharp({ create: { width: 16, height: 12, channels: 3, background: { r: 30, g: 120, b: 200 } } })

/** A PNG chunk, with its length and CRC, as an editor would write it. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** The PNG with a chunk put just before its IEND (the last 12 bytes). */
const withChunkBeforeEnd = (png: Buffer, chunk: Buffer) => Buffer.concat([png.subarray(0, -12), chunk, png.subarray(-12)])

/** The JPEG with a comment segment (COM) right after its start. */
function withJpegComment(jpeg: Buffer, text: string): Buffer {
  const data = Buffer.from(text, 'latin1')
  const header = Buffer.from([0xff, 0xfe, 0, 0])
  header.writeUInt16BE(data.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), header, data, jpeg.subarray(2)])
}

describe('bare images', () => {
  it('finds the lake’s own JPEG, PNG and WebP output bare', async () => {
    expect(isBareImage(await picture().jpeg().toBuffer())).toBe(true)
    expect(isBareImage(await picture().jpeg({ quality: 95, mozjpeg: true }).toBuffer())).toBe(true)
    expect(isBareImage(await picture().png().toBuffer())).toBe(true)
    expect(isBareImage(await picture().webp().toBuffer())).toBe(true)
  })

  it('finds an image carrying EXIF, a comment, a text chunk, a colour profile or bytes after its end not bare', async () => {
    const jpeg = await picture().jpeg().toBuffer()
    const png = await picture().png().toBuffer()
    const gps = { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '11/1 33/1 0/1' } }
    const notBare = [
      await picture().jpeg().withExif(gps).toBuffer(),
      await picture().jpeg().withIccProfile('srgb').toBuffer(),
      withJpegComment(jpeg, 'Recorded in a village (fictional)'),
      Buffer.concat([jpeg, Buffer.from('hidden after the end (fictional)')]),
      await picture().png().withExif(gps).toBuffer(),
      withChunkBeforeEnd(png, pngChunk('tEXt', Buffer.from('Comment\0A village (fictional)', 'latin1'))),
      withChunkBeforeEnd(png, pngChunk('tIME', Buffer.alloc(7))),
      Buffer.concat([png, Buffer.from('hidden after the end (fictional)')]),
      await picture().webp().withExif(gps).toBuffer(),
      await picture().gif().toBuffer(),
      await picture().tiff().toBuffer(),
      Buffer.from('not an image'),
    ]
    for (const [index, bytes] of notBare.entries()) expect(isBareImage(bytes), `case ${index}`).toBe(false)
  })

  describe('on upload', () => {
    let harness: LakeHarness
    beforeAll(async () => {
      harness = await startLake()
    })
    afterAll(async () => {
      await harness.stop()
    })

    const stored = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${harness.port}/${path}`, {
        headers: { Authorization: `Bearer ${harness.tokens.administrator}` },
      })
      return Buffer.from(await response.arrayBuffer())
    }

    it('keeps a bare image byte for byte', async () => {
      const jpeg = await picture().jpeg({ quality: 70 }).toBuffer()
      const asset = await harness.client('administrator').assets.upload('image', jpeg, { filename: 'bare.jpg' })
      expect((await stored(asset.path)).equals(jpeg)).toBe(true)
    })

    it('re-encodes an image with a text chunk, and keeps none of its words', async () => {
      const png = withChunkBeforeEnd(await picture().png().toBuffer(), pngChunk('tEXt', Buffer.from('Comment\0VILLAGE-MARKER', 'latin1')))
      const asset = await harness.client('administrator').assets.upload('image', png, { filename: 'texted.png' })
      const kept = await stored(asset.path)
      expect(kept.equals(png)).toBe(false)
      expect(kept.includes(Buffer.from('VILLAGE-MARKER'))).toBe(false)
      expect(isBareImage(kept)).toBe(true)
    })
  })
})
