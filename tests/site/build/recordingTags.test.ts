// A recording published on the site is its MPEG audio frames and nothing else: every kind of tag,
// wherever it is in the file (ID3v2 at the start, in the middle, or an ID3v2.4 appended at the end
// with its footer, ID3v1, APEv2 with header and footer, Lyrics3v2), and any other bytes, are gone.
// The fixtures are built byte by byte (mp3Fixture.ts), with a marker in each tag.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { untaggedRecording } from '../../../site/build/recordingTags.ts'
import { frame, mp3, tags } from './mp3Fixture.ts'

const containsMarker = (bytes: Buffer | null) => bytes !== null && bytes.includes('MARKER-')

describe('a recording on the site', () => {
  it('is its audio frames alone: no tag of any kind, at the start, in the middle or at the end', () => {
    const audio = mp3(12)
    const tagged = Buffer.concat([
      tags.id3v2AtStart(),
      ...audio.slice(0, 6),
      tags.id3v2AtStart(),
      ...audio.slice(6),
      tags.apev2(),
      tags.lyrics3v2(),
      tags.id3v1(),
      tags.id3v24Appended(),
    ])
    expect(containsMarker(tagged)).toBe(true)
    const published = untaggedRecording(tagged, '.mp3')
    expect(published?.equals(Buffer.concat(audio))).toBe(true)
    expect(containsMarker(published)).toBe(false)
  })

  for (const [kind, tag] of Object.entries(tags)) {
    it(`loses ${kind}, wherever it is`, () => {
      const audio = mp3(8)
      for (const place of [0, 4, 8]) {
        const published = untaggedRecording(Buffer.concat([...audio.slice(0, place), tag(), ...audio.slice(place)]), '.mp3')
        expect(published?.equals(Buffer.concat(audio)), `${kind} at frame ${place}`).toBe(true)
      }
    })
  }

  it('keeps every frame of every MPEG version and layer, and loses any tags between them (generated files)', () => {
    const anySpec = fc.record({
      version: fc.constantFrom<0 | 2 | 3>(0, 2, 3),
      layer: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
      bitrate: fc.integer({ min: 1, max: 14 }),
      rate: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
      padding: fc.constantFrom<0 | 1>(0, 1),
    })
    const kinds = Object.keys(tags) as Array<keyof typeof tags>
    const anyTags = fc.array(fc.constantFrom(...kinds), { maxLength: 3 })
    const anyFile = fc.record({
      spec: anySpec,
      frames: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 3, maxLength: 20 }),
      start: anyTags,
      middle: fc.tuple(fc.nat(), anyTags),
      end: anyTags,
    })
    fc.assert(
      fc.property(anyFile, ({ spec, frames, start, middle: [at, middle], end }) => {
        const audio = frames.map((fill, i) => frame({ ...spec, padding: i % 2 === 0 ? spec.padding : 0 }, fill))
        const tagged = (kinds: ReadonlyArray<keyof typeof tags>) => kinds.map((kind) => tags[kind]())
        // Tags go between frames, never inside one: at the start, at the end, and in the middle with three frames either side.
        const split = audio.length >= 6 ? 3 + (at % (audio.length - 5)) : audio.length
        const parts = [...tagged(start), ...audio.slice(0, split), ...tagged(middle), ...audio.slice(split), ...tagged(end)]
        const published = untaggedRecording(Buffer.concat(parts), '.mp3')
        expect(published?.equals(Buffer.concat(audio))).toBe(true)
        expect(containsMarker(published)).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('is not published when it holds no stream of frames, or is in a format not rebuilt here', () => {
    expect(untaggedRecording(Buffer.concat([tags.id3v2AtStart(), tags.apev2(), tags.id3v1()]), '.mp3')).toBeNull()
    expect(untaggedRecording(Buffer.concat(mp3(2)), '.mp3')).toBeNull()
    expect(untaggedRecording(Buffer.concat(mp3(8)), '.m4a')).toBeNull()
  })
})
