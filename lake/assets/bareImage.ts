// Whether an image file holds the picture and nothing else: read from its container's own structure,
// allowing only the parts that draw pixels (JPEG, PNG and WebP; any other format is never bare). A
// bare image is kept byte for byte, as Sanity keeps uploads, so that an image exported and imported
// again is the same file with the same id; anything that could carry words or places (EXIF, XMP,
// IPTC, comments, text chunks, ICC profiles, thumbnails, bytes after the end) makes it re-encoded.

export function isBareImage(bytes: Buffer): boolean {
  if (bytes.subarray(0, 3).equals(jpegStart)) return isBareJpeg(bytes)
  if (bytes.subarray(0, 8).equals(pngSignature)) return isBarePng(bytes)
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return isBareWebp(bytes)
  return false
}

const jpegStart = Buffer.from([0xff, 0xd8, 0xff])
/** Frames (SOF0–SOF15 but DHT, JPG and DAC), tables (DHT, DAC, DQT, DRI): what decoding needs. */
const jpegPictureMarkers = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf, 0xc4, 0xcc, 0xdb, 0xdd])

function isBareJpeg(bytes: Buffer): boolean {
  let at = 2
  while (at + 2 <= bytes.length) {
    if (bytes[at] !== 0xff) return false
    const marker = bytes[at + 1] ?? 0
    if (marker === 0xd9) return at + 2 === bytes.length // EOI, and nothing after it
    if (at + 4 > bytes.length) return false
    const length = bytes.readUInt16BE(at + 2)
    if (length < 2 || at + 2 + length > bytes.length) return false
    // JFIF's APP0 is allowed only without a thumbnail (16 bytes: no Xthumb × Ythumb pixels).
    const bareJfif = marker === 0xe0 && length === 16 && bytes.toString('latin1', at + 4, at + 9) === 'JFIF\0'
    if (marker === 0xda) {
      at = afterEntropyCodedData(bytes, at + 2 + length)
      continue
    }
    if (!bareJfif && !jpegPictureMarkers.has(marker)) return false
    at += 2 + length
  }
  return false
}

/** Where the next marker after a scan's data begins (0xFF00 is a stuffed byte, 0xFFD0–D7 restarts). */
function afterEntropyCodedData(bytes: Buffer, from: number): number {
  for (let at = from; at + 1 < bytes.length; at++) {
    if (bytes[at] !== 0xff) continue
    const next = bytes[at + 1] ?? 0
    if (next !== 0x00 && (next < 0xd0 || next > 0xd7)) return at
  }
  return bytes.length
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** The chunks that draw or colour the picture; text (tEXt, zTXt, iTXt), eXIf, iCCP, time and the rest are not. */
const pngPictureChunks = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'pHYs', 'bKGD'])

function isBarePng(bytes: Buffer): boolean {
  let at = 8
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    if (!pngPictureChunks.has(type) || at + 12 + length > bytes.length) return false
    at += 12 + length
    if (type === 'IEND') return at === bytes.length
  }
  return false
}

/** Image data and alpha (an animation's frames nest chunks of their own: re-encoded); VP8X only with its ICC, EXIF and XMP flags clear. */
const webpPictureChunks = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH'])
const webpMetadataFlags = 0x20 | 0x08 | 0x04

function isBareWebp(bytes: Buffer): boolean {
  if (bytes.readUInt32LE(4) + 8 !== bytes.length) return false
  let at = 12
  while (at + 8 <= bytes.length) {
    const type = bytes.toString('latin1', at, at + 4)
    const length = bytes.readUInt32LE(at + 4)
    if (!webpPictureChunks.has(type) || at + 8 + length > bytes.length) return false
    if (type === 'VP8X' && ((bytes[at + 8] ?? 0xff) & webpMetadataFlags) !== 0) return false
    at += 8 + length + (length % 2)
  }
  return at === bytes.length
}
