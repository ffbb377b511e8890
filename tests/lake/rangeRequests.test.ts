// A recording in an encrypted data folder: stored sealed, served whole or by byte range (what an
// audio player asks for when the listener seeks), the ranges exactly the recording's bytes.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { byteRange } from '../../lake/http/byteRange.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'

let harness: LakeHarness
let recording: Buffer
let url: string
const marker = Buffer.from('CEREMONY-RECORDING-MARKER (fictional)')

beforeAll(async () => {
  harness = await startLake()
  // About 300 KB: five sealed chunks, the marker in the middle of one.
  recording = Buffer.concat([randomBytes(150_000), marker, randomBytes(150_000)])
  const asset = await harness
    .client('administrator')
    .assets.upload('file', recording, { filename: 'reading.mp3', contentType: 'audio/mpeg' })
  url = `http://127.0.0.1:${harness.port}/${asset.path}`
})
afterAll(async () => {
  await harness.stop()
})

const get = (headers: Record<string, string> = {}) =>
  fetch(url, { headers: { Authorization: `Bearer ${harness.tokens.administrator}`, ...headers } })

describe('Range requests on an encrypted recording', () => {
  it('keeps the recording sealed on disk', () => {
    const sha1 = /files\/[^/]+\/[^/]+\/([a-f0-9]{40})\.mp3$/.exec(url)?.[1] ?? ''
    const stored = readFileSync(join(harness.dataDir, 'datasets', 'production', 'assets', `${sha1}.mp3`))
    expect(stored.subarray(0, 8).toString()).toBe('LAKESEAL')
    expect(stored.includes(marker)).toBe(false)
  })

  it('serves it whole, saying that ranges may be asked for', async () => {
    const response = await get()
    expect(response.status).toBe(200)
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    expect(response.headers.get('content-type')).toBe('audio/mpeg')
    expect(response.headers.get('content-length')).toBe(String(recording.length))
    expect(Buffer.from(await response.arrayBuffer()).equals(recording)).toBe(true)
  })

  const ranges: Array<[string, number, number]> = [
    ['bytes=0-99', 0, 99],
    ['bytes=65500-140000', 65_500, 140_000],
    ['bytes=150000-', 150_000, 300_000 + marker.length - 1],
    ['bytes=-500', 300_000 + marker.length - 500, 300_000 + marker.length - 1],
    ['bytes=299990-999999', 299_990, 300_000 + marker.length - 1],
  ]
  for (const [header, start, end] of ranges) {
    it(`answers ${header} with exactly those bytes`, async () => {
      const response = await get({ Range: header })
      expect(response.status).toBe(206)
      expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${recording.length}`)
      expect(response.headers.get('content-length')).toBe(String(end - start + 1))
      expect(Buffer.from(await response.arrayBuffer()).equals(recording.subarray(start, end + 1))).toBe(true)
    })
  }

  it('answers a range past the end with 416 and the size', async () => {
    const response = await get({ Range: `bytes=${recording.length}-` })
    expect(response.status).toBe(416)
    expect(response.headers.get('content-range')).toBe(`bytes */${recording.length}`)
  })

  it('serves a range only to those who may see the recording', async () => {
    const response = await fetch(url, { headers: { Range: 'bytes=0-99' } })
    expect(response.status).toBe(401)
  })
})

describe('reading the Range header', () => {
  it('takes one range, and answers the whole file for what it can not serve as one', () => {
    expect(byteRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 })
    expect(byteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 })
    expect(byteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 })
    expect(byteRange('bytes=-1000', 100)).toEqual({ start: 0, end: 99 })
    expect(byteRange(undefined, 100)).toBe('whole')
    expect(byteRange('bytes=0-1,5-6', 100)).toBe('whole')
    expect(byteRange('bytes=20-10', 100)).toBe('whole')
    expect(byteRange('items=0-1', 100)).toBe('whole')
    expect(byteRange('bytes=100-', 100)).toBe('unsatisfiable')
    expect(byteRange('bytes=-0', 100)).toBe('unsatisfiable')
    expect(byteRange('bytes=0-', 0)).toBe('unsatisfiable')
  })
})
