// A recording leaves the archive as its audio alone: ID3v2 (at the start, in the middle, or
// appended at the end), ID3v1, APEv2, Lyrics3 and any other tag or bytes can carry the survivor's
// name, a village or the recorder's notes. Rather than find each kind of tag, the MP3 is rebuilt from
// its MPEG audio frames, walked header by header: only bytes inside a frame of the stream are kept.
// Where the walk meets something else, it looks for the stream again, and counts it found only where
// three frames of the same stream follow one another, so that a tag's bytes are not taken for audio
// (one or two frames just after a tag in the middle of the file are lost with it).
// Only MP3 is published; a recording in which no stream of frames is found is not published.
import { frameHeaderAt } from './mpegFrameHeader.ts'

const framesToResync = 3

/** The MP3's audio frames, and nothing else; null for another format or when it holds no audio stream. */
export function untaggedRecording(bytes: Buffer, extension: string): Buffer | null {
  if (extension !== '.mp3') return null
  const frames: Buffer[] = []
  let stream: string | null = null
  let following = false
  let at = 0
  while (at + 4 <= bytes.length) {
    const header = frameHeaderAt(bytes, at)
    const fits = header !== null && at + header.length <= bytes.length && (stream === null || header.stream === stream)
    if (header && fits && (following || streamStartsAt(bytes, at, stream))) {
      stream = header.stream
      frames.push(bytes.subarray(at, at + header.length))
      at += header.length
      following = true
    } else {
      following = false
      at += 1
    }
  }
  return frames.length > 0 ? Buffer.concat(frames) : null
}

/** Whether frames of one stream (`stream`, once known) follow one another from `at`, enough of them to be audio. */
function streamStartsAt(bytes: Buffer, at: number, stream: string | null): boolean {
  let kind = stream
  let position = at
  for (let count = 0; count < framesToResync; count++) {
    const header = frameHeaderAt(bytes, position)
    if (!header || position + header.length > bytes.length || (kind !== null && header.stream !== kind)) return false
    kind = header.stream
    position += header.length
  }
  return true
}
