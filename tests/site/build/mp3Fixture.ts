// MP3 files built byte by byte for the tests: MPEG audio frames of any version and layer, and every
// kind of tag (ID3v2.3, an appended ID3v2.4 with its footer, ID3v1, APEv2 with header and footer,
// Lyrics3v2) carrying a marker, so that a test can tell whether a tag's words reached the site.

/** A frame: MPEG version bits (3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5), layer bits (1: III, 2: II, 3: I), bitrate and rate index, padding. */
export interface FrameSpec {
  version: 0 | 2 | 3
  layer: 1 | 2 | 3
  bitrate: number
  rate: 0 | 1 | 2
  padding: 0 | 1
}
const kbps = (f: FrameSpec) => {
  const mpeg1 = {
    3: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  }
  const mpeg2 = {
    3: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  }
  return (f.version === 3 ? mpeg1[f.layer] : f.layer === 3 ? mpeg2[3] : mpeg2[2])[f.bitrate] ?? 0
}
const hz = (f: FrameSpec) => ({ 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] })[f.version][f.rate] ?? 1
/** The length the MPEG standards give a frame: 384, 1152 or 576 samples' worth of bits, in slots. */
const frameLength = (f: FrameSpec) =>
  f.layer === 3
    ? (Math.floor((12 * kbps(f) * 1000) / hz(f)) + f.padding) * 4
    : Math.floor(((f.layer === 1 && f.version !== 3 ? 72 : 144) * kbps(f) * 1000) / hz(f)) + f.padding
export function frame(f: FrameSpec, fill: number): Buffer {
  const bytes = Buffer.alloc(frameLength(f), fill)
  bytes[0] = 0xff
  bytes[1] = 0xe0 | (f.version << 3) | (f.layer << 1) | 1
  bytes[2] = (f.bitrate << 4) | (f.rate << 2) | (f.padding << 1)
  bytes[3] = 0x44
  return bytes
}
export const mp3 = (count: number, spec: FrameSpec = { version: 3, layer: 1, bitrate: 9, rate: 0, padding: 0 }) =>
  Array.from({ length: count }, (_, i) => frame({ ...spec, padding: i % 3 === 0 ? 1 : 0 }, 0x10 + (i % 200)))

const syncsafe = (size: number) => [(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]
const textFrame = (id: string, text: string) => {
  const body = Buffer.from(`\u0003${text}`, 'utf8')
  return Buffer.concat([Buffer.from(id), Buffer.from(syncsafe(body.length)), Buffer.from([0, 0]), body])
}
/** ID3v2.3 or 2.4 (with its footer when appended at the end, as ID3v2.4 allows). */
export function id3v2(text: string, options: { version: 3 | 4; footer?: boolean }): Buffer {
  const frames = Buffer.concat([textFrame('TIT2', text), textFrame('TPE1', `${text} (artist)`)])
  const flags = options.footer ? 0x10 : 0
  const header = Buffer.concat([Buffer.from('ID3'), Buffer.from([options.version, 0, flags, ...syncsafe(frames.length)])])
  const footer = options.footer
    ? Buffer.concat([Buffer.from('3DI'), Buffer.from([options.version, 0, flags, ...syncsafe(frames.length)])])
    : Buffer.alloc(0)
  return Buffer.concat([header, frames, footer])
}
const id3v1 = (text: string) => {
  const tag = Buffer.alloc(128, 0)
  tag.write('TAG', 0, 'latin1')
  tag.write(text.slice(0, 30), 3, 'latin1')
  tag.write(text.slice(0, 30), 33, 'latin1')
  return tag
}
function apev2(text: string): Buffer {
  const value = Buffer.from(text, 'utf8')
  const item = Buffer.concat([Buffer.alloc(4), Buffer.alloc(4), Buffer.from('Title\0'), value])
  item.writeUInt32LE(value.length, 0)
  const block = (isHeader: boolean) => {
    const b = Buffer.alloc(32)
    b.write('APETAGEX', 0, 'latin1')
    b.writeUInt32LE(2000, 8)
    b.writeUInt32LE(item.length + 32, 12)
    b.writeUInt32LE(1, 16)
    b.writeUInt32LE((0x80000000 | (isHeader ? 0x20000000 : 0)) >>> 0, 20)
    return b
  }
  return Buffer.concat([block(true), item, block(false)])
}
function lyrics3v2(text: string): Buffer {
  const field = `LYR${String(text.length).padStart(5, '0')}${text}`
  const body = `LYRICSBEGIN${field}`
  return Buffer.from(`${body}${String(body.length).padStart(6, '0')}LYRICS200`, 'latin1')
}

export const marker = (kind: string) => `MARKER-${kind}-Sreymom-Trapeang-village`
export const tags = {
  id3v2AtStart: () => id3v2(marker('ID3V23'), { version: 3 }),
  id3v24Appended: () => id3v2(marker('ID3V24'), { version: 4, footer: true }),
  id3v1: () => id3v1(marker('ID3V1')),
  apev2: () => apev2(marker('APEV2')),
  lyrics3v2: () => lyrics3v2(marker('LYRICS3')),
  junk: () => Buffer.from(marker('JUNK')),
}
/** A recording as a device might save it: tags before, in the middle of and after its audio. */
export function taggedRecording(markerText: string, frames = 12): { file: Buffer; audio: Buffer } {
  const audio = mp3(frames)
  const file = Buffer.concat([
    id3v2(markerText, { version: 3 }),
    ...audio.slice(0, frames / 2),
    id3v2(`${markerText} (middle)`, { version: 3 }),
    ...audio.slice(frames / 2),
    apev2(markerText),
    lyrics3v2(markerText),
    id3v1(markerText),
    id3v2(`${markerText} (appended)`, { version: 4, footer: true }),
  ])
  return { file, audio: Buffer.concat(audio) }
}
