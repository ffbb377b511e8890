// A recording leaves the archive without its tags: ID3 and APE tags in an MP3 can carry the
// survivor's name, a village or the recorder's notes. Only MP3 is published, because only its tags
// are known here; a recording in another format stays private.
const id3v2HeaderBytes = 10

/** The MP3's audio frames with every ID3v2, ID3v1 and APEv2 tag removed; null for another format. */
export function untaggedRecording(bytes: Buffer, extension: string): Buffer | null {
  if (extension !== '.mp3') return null
  let start = 0
  // ID3v2 tags at the start (there may be several), each with a syncsafe size.
  while (bytes.subarray(start, start + 3).toString('latin1') === 'ID3' && bytes.length >= start + id3v2HeaderBytes) {
    const size =
      ((bytes[start + 6]! & 0x7f) << 21) |
      ((bytes[start + 7]! & 0x7f) << 14) |
      ((bytes[start + 8]! & 0x7f) << 7) |
      (bytes[start + 9]! & 0x7f)
    const footer = (bytes[start + 5]! & 0x10) !== 0 ? 10 : 0
    start += id3v2HeaderBytes + size + footer
  }
  let end = bytes.length
  for (let changed = true; changed;) {
    changed = false
    // ID3v1: the last 128 bytes, starting with TAG.
    if (end - start >= 128 && bytes.subarray(end - 128, end - 125).toString('latin1') === 'TAG') {
      end -= 128
      changed = true
    }
    // APEv2: a 32-byte footer "APETAGEX" whose size counts the items and the footer, plus a header if flagged.
    if (end - start >= 32 && bytes.subarray(end - 32, end - 24).toString('latin1') === 'APETAGEX') {
      const size = bytes.readUInt32LE(end - 20)
      const hasHeader = (bytes.readUInt32LE(end - 12) & 0x80000000) !== 0
      end = Math.max(start, end - size - (hasHeader ? 32 : 0))
      changed = true
    }
  }
  return bytes.subarray(start, end)
}
