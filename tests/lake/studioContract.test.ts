// The recorded traffic of the real Studio (editing, uploading an image, publishing), replayed in
// order against the lake: every request gets the status Sanity's API gave the Studio.
import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { openLake, type Lake } from '../../lake/index.ts'
import { sealedFolder } from './testKey.ts'

const recorded = z.object({
  method: z.string(),
  url: z.string(),
  status: z.number(),
  body: z.string().optional(),
  ctype: z.string().optional(),
  origin: z.string().optional(),
})
const isJson = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
const requests = readFileSync(new URL('../fixtures/studio-requests.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => recorded.parse(JSON.parse(line)))
  // WebSocket presence is not replayed here; the event streams are checked by their first bytes.
  // The recorder cut long JSON bodies at 2,000 characters: those requests can not be replayed.
  .filter((r) => r.method !== 'WS' && !(r.ctype?.includes('json') && r.body && !isJson(r.body)))

let lake: Lake
let token: string
beforeAll(() => {
  lake = openLake({ ...sealedFolder('lake-contract-'), log: () => {} })
  lake.services.datasets.ensure('production')
  token = lake.services.tokens.create({ name: 'Studio (recorded)', role: 'administrator', now: new Date() }).token
})
afterAll(() => lake.close())

async function bodyFor(r: z.infer<typeof recorded>): Promise<BodyInit | undefined> {
  if (r.method !== 'POST') return undefined
  if (r.url.includes('/assets/images/')) {
    return new Uint8Array(
      await sharp({ create: { width: 80, height: 60, channels: 3, background: 'red' } })
        .png()
        .toBuffer(),
    )
  }
  return r.body && !/^<\d+ bytes>$/.test(r.body) ? r.body : '{}'
}

describe('the Studio’s recorded requests', () => {
  it('get the recorded status, replayed in order', async () => {
    const mismatches: string[] = []
    // The lake names an image by the SHA-1 of the bytes uploaded here, not the recorded ones.
    let recordedImage: string | null = null
    let uploadedImage: string | null = null
    for (const original of requests) {
      const swap = (text: string) => (recordedImage && uploadedImage ? text.replaceAll(recordedImage, uploadedImage) : text)
      const r = { ...original, url: swap(original.url), body: original.body && swap(original.body) }
      const headers: Record<string, string> = { Origin: r.origin ?? 'http://localhost:3333' }
      if (r.method === 'OPTIONS')
        Object.assign(headers, { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,content-type' })
      else headers.Authorization = `Bearer ${token}`
      if (r.ctype) headers['Content-Type'] = r.ctype
      const controller = new AbortController()
      const response = await lake.app.request(r.url, { method: r.method, headers, body: await bodyFor(r), signal: controller.signal })
      if (r.url.includes('/data/listen/') && r.method === 'GET') {
        const reader = response.body?.getReader()
        const first = reader ? new TextDecoder().decode((await reader.read()).value) : ''
        controller.abort()
        await reader?.cancel()
        if (!first.startsWith('event: welcome')) mismatches.push(`${r.url}: no welcome event`)
      }
      if (r.url.includes('/assets/images/') && r.method === 'POST' && response.ok) {
        const { document } = z.object({ document: z.object({ sha1hash: z.string() }) }).parse(await response.clone().json())
        recordedImage = 'bf112808b3bb98c50348aed45c1cf88fcc06ae48'
        uploadedImage = document.sha1hash
      }
      if (response.status !== r.status) mismatches.push(`${r.method} ${r.url.slice(0, 100)}: ${response.status}, recorded ${r.status}`)
      if (r.origin && response.headers.get('Access-Control-Allow-Origin') !== r.origin)
        mismatches.push(`${r.method} ${r.url.slice(0, 100)}: origin not allowed`)
    }
    expect(mismatches).toEqual([])
  }, 60_000)
})
