// HTTP Range requests (RFC 9110, section 14) for one range of bytes, which is what audio and video
// players send to seek. Several ranges in one request are answered with the whole file, as the
// RFC allows; a range past the end is "416 Range Not Satisfiable".
export type ByteRange = { start: number; end: number } | 'whole' | 'unsatisfiable'

export function byteRange(header: string | undefined, size: number): ByteRange {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match) return 'whole'
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return 'whole'
  if (first === '') {
    // The last N bytes.
    const length = Number(last)
    if (length === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(first)
  // A last position before the first makes the header invalid, and an invalid header is ignored.
  if (last !== '' && Number(last) < start) return 'whole'
  if (start >= size) return 'unsatisfiable'
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) }
}
