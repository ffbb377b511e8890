// The header of an MPEG audio frame (MPEG-1, MPEG-2 and MPEG-2.5, layers I to III): 11 sync bits,
// then the version, layer, bitrate, sample rate and padding that give the frame's length. A header
// with a reserved or free-format value is no header here: its frame's length can not be known.

/** Kilobits a second by bitrate index, for MPEG-1 and for MPEG-2/2.5, by layer. */
const bitrates: Record<'mpeg1' | 'mpeg2', Record<1 | 2 | 3, ReadonlyArray<number>>> = {
  mpeg1: {
    1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  },
  mpeg2: {
    1: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    3: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  },
}
/** Sample rates by the version bits (0: MPEG-2.5, 2: MPEG-2, 3: MPEG-1) and the rate index. */
const sampleRates: Record<number, ReadonlyArray<number>> = { 0: [11025, 12000, 8000], 2: [22050, 24000, 16000], 3: [44100, 48000, 32000] }

export interface FrameHeader {
  /** The frame's length in bytes, header included. */
  length: number
  /** Version, layer and sample rate: the same in every frame of one stream. */
  stream: string
}

export function frameHeaderAt(bytes: Uint8Array, at: number): FrameHeader | null {
  if (at + 4 > bytes.length) return null
  const [b0, b1, b2, b3] = [bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0]
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return null
  const versionBits = (b1 >> 3) & 3
  const layerBits = (b1 >> 1) & 3
  const bitrateIndex = b2 >> 4
  const rateIndex = (b2 >> 2) & 3
  const padding = (b2 >> 1) & 1
  // Reserved version, layer, bitrate, rate or emphasis; free format (bitrate 0) has no known length.
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3 || (b3 & 3) === 2) return null
  const layer = layerBits === 3 ? 1 : layerBits === 2 ? 2 : 3
  const bitrate = (bitrates[versionBits === 3 ? 'mpeg1' : 'mpeg2'][layer][bitrateIndex] ?? 0) * 1000
  const sampleRate = sampleRates[versionBits]?.[rateIndex] ?? 0
  if (bitrate === 0 || sampleRate === 0) return null
  const length =
    layer === 1
      ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4
      : Math.floor(((layer === 3 && versionBits !== 3 ? 72 : 144) * bitrate) / sampleRate) + padding
  return { length, stream: `${versionBits}.${layerBits}.${rateIndex}` }
}
