// Sealed asset files: any size round-trips, through the stream and at once; any byte range reads
// back exactly; and a changed, cut-short or foreign file is refused instead of giving wrong bytes.
// (Buffers are compared with equals(): vitest's deep equality walks them byte by byte.)
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createWriteStream } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sealedCodec, type AssetCodec } from '../../../lake/atRest/assetCodec.ts'
import { chunkBytes, headerBytes } from '../../../lake/atRest/sealedFile.ts'

const folder = mkdtempSync(join(tmpdir(), 'sealed-'))
const codec = sealedCodec(randomBytes(32))

async function sealTo(path: string, plain: Buffer, using: AssetCodec = codec): Promise<void> {
  // Fed in uneven pieces, as a network upload arrives.
  const pieces = [plain.subarray(0, 1000), plain.subarray(1000, 70_000), plain.subarray(70_000)].filter((p) => p.length > 0)
  await pipeline(Readable.from(pieces), using.writer(), createWriteStream(path))
}

async function read(path: string, start: number, end: number, using: AssetCodec = codec): Promise<Buffer> {
  const file = await using.open(path)
  const parts: Buffer[] = []
  for await (const chunk of file.stream(start, end)) parts.push(chunk)
  return Buffer.concat(parts)
}

describe('sealed asset files', () => {
  for (const size of [0, 1, chunkBytes - 1, chunkBytes, chunkBytes + 1, 3 * chunkBytes, 200_001]) {
    it(`round-trips ${size} bytes, streamed and at once, and tells its size`, async () => {
      const plain = randomBytes(size)
      const path = join(folder, `size-${size}`)
      await sealTo(path, plain)
      const stored = readFileSync(path)
      expect(stored.subarray(0, 8).toString()).toBe('LAKESEAL')
      expect((await codec.open(path)).size).toBe(size)
      if (size > 0) expect((await read(path, 0, size - 1)).equals(plain)).toBe(true)
      expect(codec.unseal(stored).equals(plain)).toBe(true)
      expect(codec.unseal(codec.seal(plain)).equals(plain)).toBe(true)
    })
  }

  it('reads any byte range exactly', async () => {
    const plain = randomBytes(5 * chunkBytes + 123)
    const path = join(folder, 'ranges')
    await sealTo(path, plain)
    await fc.assert(
      fc.asyncProperty(fc.nat(plain.length - 1), fc.nat(plain.length - 1), async (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a]
        expect((await read(path, start, end)).equals(plain.subarray(start, end + 1))).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('holds none of the plain bytes', async () => {
    const plain = Buffer.from('Keo Chanthy, Trapeang Snay Meas (fictional) '.repeat(2000))
    const path = join(folder, 'marker')
    await sealTo(path, plain)
    expect(readFileSync(path).includes(Buffer.from('Trapeang'))).toBe(false)
  })

  it('refuses a file with one byte changed, cut short, or sealed with another key', async () => {
    const plain = randomBytes(2 * chunkBytes + 10)
    const path = join(folder, 'tampered')
    await sealTo(path, plain)
    const stored = readFileSync(path)

    const changed = Buffer.from(stored)
    const at = headerBytes + chunkBytes + 40
    changed[at] = (changed[at] ?? 0) ^ 1
    writeFileSync(path, changed)
    await expect(read(path, 0, plain.length - 1)).rejects.toThrow(/fails its check/)
    // The first chunk is still good, and is all a range within it reads.
    expect((await read(path, 0, 99)).equals(plain.subarray(0, 100))).toBe(true)

    writeFileSync(path, stored.subarray(0, stored.length - (chunkBytes + 26)))
    await expect(read(path, 0, chunkBytes * 2 - 1)).rejects.toThrow(/fails its check|cut short/)

    writeFileSync(path, stored)
    await expect(sealedCodec(randomBytes(32)).open(path)).rejects.toThrow(/does not open with this data folder/)
  })
})
