// A recording published on the site carries no tag: the name or village written into an MP3's ID3
// or APE tags never leaves the archive, and a format whose tags are unknown is not published.
import { describe, expect, it } from 'vitest'
import { untaggedRecording } from '../../../site/build/recordingTags.ts'

const secret = 'Fictional Survivor, Trapeang village'
const audio = Buffer.from([0xff, 0xfb, 0x90, 0x64, ...Array.from({ length: 400 }, (_, i) => i % 251)])

function id3v2(text: string): Buffer {
  const frame = Buffer.concat([Buffer.from('TIT2'), Buffer.from([0, 0, 0, text.length + 1, 0, 0, 0]), Buffer.from(text, 'latin1')])
  const size = frame.length
  const syncsafe = [(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]
  return Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, ...syncsafe]), frame])
}
const id3v1 = (text: string) => Buffer.concat([Buffer.from('TAG'), Buffer.from(text.padEnd(125, '\0'), 'latin1')])
function apev2(text: string): Buffer {
  const item = Buffer.concat([Buffer.from([text.length, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('Artist\0'), Buffer.from(text, 'latin1')])
  const footer = Buffer.alloc(32)
  footer.write('APETAGEX', 0, 'latin1')
  footer.writeUInt32LE(2000, 8)
  footer.writeUInt32LE(item.length + 32, 12)
  footer.writeUInt32LE(1, 16)
  return Buffer.concat([item, footer])
}

describe('a recording on the site', () => {
  it('keeps the audio and loses every ID3v2, ID3v1 and APE tag', () => {
    const tagged = Buffer.concat([id3v2(secret), id3v2('second tag'), audio, apev2(secret), id3v1(secret)])
    const published = untaggedRecording(tagged, '.mp3')
    expect(published?.equals(audio)).toBe(true)
    expect(published?.includes(secret)).toBe(false)
  })

  it('is left untouched when it has no tags', () => {
    expect(untaggedRecording(audio, '.mp3')?.equals(audio)).toBe(true)
  })

  it('is not published in a format whose tags are not removed here', () => {
    expect(untaggedRecording(Buffer.concat([audio, Buffer.from(secret)]), '.m4a')).toBeNull()
  })
})
