// Signed asset addresses: an asset document handed to a reader who may load the asset carries an
// address that opens that one file, without a token, for an hour; unsigned, expired, changed or
// borrowed signatures are refused, and a reader who may not load the asset gets no signature at all.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AssetUrlSignatures, signedAssetUrlLifetimeMs } from '../../lake/auth/assetUrlSignatures.ts'
import { call, openArchive, type Archive, type Caller } from './archiveFixture.ts'
import { apiVersionPath } from '../../core/index.ts'

let archive: Archive
beforeAll(async () => {
  archive = await openArchive()
})
afterAll(() => archive.lake.close())

const v = apiVersionPath
const assetDocs = z.array(z.object({ _id: z.string(), path: z.string(), url: z.string() }))
const queryAnswer = z.object({ result: z.unknown() })

async function query(caller: Caller, groq: string): Promise<unknown> {
  const answer = await call(archive.lake, 'GET', `${v}/data/query/production?query=${encodeURIComponent(groq)}`, archive.tokens[caller])
  expect(answer.status).toBe(200)
  return queryAnswer.parse(JSON.parse(answer.text)).result
}

/** The asset documents a caller's query returns, by path. */
async function assetsSeenBy(caller: Caller): Promise<Map<string, string>> {
  const result = assetDocs.parse(await query(caller, '*[_type in ["sanity.imageAsset", "sanity.fileAsset"]]'))
  return new Map(result.map((asset) => [asset.path, asset.url]))
}

const pathAndQuery = (address: string) => {
  const url = new URL(address)
  return `${url.pathname}${url.search}`
}
/** A request for the address's path and query, with no token and no cookie. */
const fetchWithoutToken = (address: string) => call(archive.lake, 'GET', pathAndQuery(address), null)

const signed = (address: string | undefined) => {
  const url = new URL(address ?? 'http://missing/')
  return url.searchParams.has('exp') && url.searchParams.has('sig')
}

describe('signed asset addresses', () => {
  it('gives the administrator signed addresses that open private files and images without a token', async () => {
    const seen = await assetsSeenBy('administrator')
    for (const path of [archive.privateFile, archive.privateImage]) {
      const address = seen.get(path)
      expect(signed(address)).toBe(true)
      expect((await fetchWithoutToken(`http://lake/${path}`)).status).toBe(401)
      expect((await fetchWithoutToken(address ?? '')).status).toBe(200)
    }
    expect((await fetchWithoutToken(seen.get(archive.privateFile) ?? '')).text).toBe('%PDF fictional')
  })

  it('keeps the stored asset document’s plain address: signing is for one answer', () => {
    const dataset = archive.lake.services.datasets.get('production')
    const stored = dataset.documents().filter((document) => document._type === 'sanity.fileAsset')
    expect(stored.length).toBeGreaterThan(0)
    for (const document of stored) expect(String(document.url)).not.toMatch(/[?&](sig|exp)=/)
  })

  it('refuses a signature taken from another file, a changed one, a changed expiry and one from another lake', async () => {
    const seen = await assetsSeenBy('administrator')
    const fileAddress = new URL(seen.get(archive.privateFile) ?? '')
    const imageAddress = new URL(seen.get(archive.privateImage) ?? '')
    const borrowed = `http://lake/${archive.privateImage}${fileAddress.search}`
    const sig = fileAddress.searchParams.get('sig') ?? ''
    const changedSig = new URL(fileAddress)
    changedSig.searchParams.set('sig', `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`)
    const changedExpiry = new URL(fileAddress)
    changedExpiry.searchParams.set('exp', String(Number(fileAddress.searchParams.get('exp')) + 3600))
    const otherLake = new AssetUrlSignatures(Buffer.alloc(32, 7))
    const foreign = `http://lake/${archive.privateFile}?${otherLake.sign(`/${archive.privateFile}`, Date.now())}`
    for (const address of [borrowed, changedSig.href, changedExpiry.href, foreign]) {
      const answer = await fetchWithoutToken(address)
      expect(answer.status).toBe(403)
      expect(answer.text).toContain('signature the lake did not give')
    }
    expect((await fetchWithoutToken(imageAddress.href)).status).toBe(200)
  })

  it('refuses an expired signature, and says to read the asset document again', async () => {
    const path = `/${archive.privateFile}`
    const twoHoursAgo = Date.now() - 2 * 60 * 60 * 1000
    const expired = await fetchWithoutToken(`http://lake${path}?${archive.lake.services.assetUrls.sign(path, twoHoursAgo)}`)
    expect(expired.status).toBe(403)
    expect(expired.text).toContain('has expired')
    const stillValid = await fetchWithoutToken(
      `http://lake${path}?${archive.lake.services.assetUrls.sign(path, Date.now() - 50 * 60 * 1000)}`,
    )
    expect(stillValid.status).toBe(200)
  })

  it('checks the expiry as the clock runs: valid within the hour, refused after it', () => {
    const signatures = new AssetUrlSignatures(Buffer.alloc(32, 1))
    const issued = Date.parse('2026-12-01T10:00:00Z')
    const params = new URLSearchParams(signatures.sign('/files/local/production/a.mp3', issued))
    expect(signatures.check('/files/local/production/a.mp3', params, issued + signedAssetUrlLifetimeMs - 1000)).toBe('valid')
    expect(signatures.check('/files/local/production/a.mp3', params, issued + signedAssetUrlLifetimeMs + 1000)).toBe('expired')
    expect(signatures.check('/files/local/production/b.mp3', params, issued)).toBe('invalid')
    expect(signatures.check('/files/local/production/a.mp3', new URLSearchParams(), issued)).toBe('absent')
    expect(signatures.check('/files/local/production/a.mp3', new URLSearchParams('exp=1&sig='), issued)).toBe('invalid')
  })

  it('lets a signed address be resized or downloaded as the Studio asks, by appending ?w= or ?dl to it', async () => {
    const seen = await assetsSeenBy('supervisor')
    const resized = await archive.lake.app.request(pathAndQuery(`${seen.get(archive.privateImage)}?w=1&fm=png`))
    expect(resized.status).toBe(200)
    expect((await sharp(Buffer.from(await resized.arrayBuffer())).metadata()).width).toBe(1)
    expect((await fetchWithoutToken(`${seen.get(archive.privateFile)}?dl`)).text).toBe('%PDF fictional')
  })

  it('gives a therapist signed addresses only for what she may load', async () => {
    const seen = await assetsSeenBy('therapist')
    // Another therapist's survivor uses the private image and file: her grant shows the asset
    // documents, but not a signature that would open them.
    expect(signed(seen.get(archive.privateImage))).toBe(false)
    expect(signed(seen.get(archive.privateFile))).toBe(false)
    expect((await fetchWithoutToken(seen.get(archive.privateFile) ?? '')).status).toBe(401)
    // The published public theme's image is hers to load.
    expect(signed(seen.get(archive.publicImage))).toBe(true)
  })

  it('gives the publisher no asset document, so no signature, and the site build still reads its content', async () => {
    expect(await assetsSeenBy('publisher')).toEqual(new Map())
    expect(await query('publisher', '*[_id == "theme-public"][0].image.asset->url')).toBeNull()
    expect(await query('publisher', '*[_id == "theme-public"][0].image.asset._ref')).toMatch(/^image-/)
  })

  it('gives a caller without a valid token nothing to sign', async () => {
    for (const caller of ['none', 'revoked', 'malformed'] as const) {
      const answer = await call(archive.lake, 'GET', `${v}/data/query/production?query=${encodeURIComponent('*')}`, archive.tokens[caller])
      expect(answer.status).toBe(401)
      expect(answer.text).not.toContain('sig=')
    }
  })

  it('signs asset addresses wherever an answer carries them: asset->url, doc, export, history', async () => {
    const bare = await query('administrator', '*[_id == "survivor-other"][0].consentScan.asset->url')
    expect(signed(z.string().parse(bare))).toBe(true)

    const fileId = z.string().parse(await query('administrator', '*[_id == "survivor-other"][0].consentScan.asset._ref'))
    const doc = await call(archive.lake, 'GET', `${v}/data/doc/production/${fileId}`, archive.tokens.administrator)
    expect(signed(z.object({ documents: assetDocs }).parse(JSON.parse(doc.text)).documents[0]?.url)).toBe(true)

    const exported = await call(archive.lake, 'GET', `${v}/data/export/production`, archive.tokens.administrator)
    const lines = exported.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    const exportedAssets = assetDocs.parse(lines.filter((line) => /^sanity\.(image|file)Asset$/.test(line._type)))
    expect(exportedAssets.length).toBeGreaterThanOrEqual(3)
    for (const asset of exportedAssets) {
      expect(signed(asset.url)).toBe(true)
      expect((await fetchWithoutToken(asset.url)).status).toBe(200)
    }

    const history = await call(
      archive.lake,
      'GET',
      `${v}/data/history/production/documents/${fileId}?time=2999-01-01T00:00:00Z`,
      archive.tokens.administrator,
    )
    expect(signed(z.object({ documents: assetDocs }).parse(JSON.parse(history.text)).documents[0]?.url)).toBe(true)
  })

  it('signs the documents a listener sends with its events', async () => {
    const listen = `${v}/data/listen/production?query=${encodeURIComponent('*[_type == "sanity.fileAsset"]')}&includeResult=true`
    const controller = new AbortController()
    const response = await archive.lake.app.request(listen, {
      headers: { Authorization: `Bearer ${archive.tokens.administrator}` },
      signal: controller.signal,
    })
    const reader = response.body?.getReader()
    let text = ''
    const read = async () => {
      const chunk = await reader?.read()
      text += new TextDecoder().decode(chunk?.value)
      return chunk !== undefined && !chunk.done
    }
    await read()
    const fileId = z.string().parse(await query('administrator', '*[_id == "survivor-other"][0].consentScan.asset._ref'))
    archive.lake.services.datasets
      .get('production')
      .mutate([{ patch: { id: fileId, set: { title: 'Consent scan (fictional)' } } }], { author: 'admin-test' })
    const mutationEvent = /event: mutation\ndata: ([^\n]*)\n/
    while (!mutationEvent.test(text)) if (!(await read())) break
    controller.abort()
    const data = mutationEvent.exec(text)?.[1] ?? '{}'
    const event = z.object({ result: z.object({ url: z.string() }) }).parse(JSON.parse(data))
    expect(signed(event.result.url)).toBe(true)
  })

  it('signs an upload’s answer for the uploader, on the origin she reached the lake by', async () => {
    const answer = await call(
      archive.lake,
      'POST',
      `http://127.0.0.1:9999${v}/assets/files/production?filename=note.txt`,
      archive.tokens.therapist,
      new Uint8Array(Buffer.from('A fictional note')),
    )
    const document = z.object({ document: z.object({ url: z.string() }) }).parse(JSON.parse(answer.text)).document
    expect(document.url.startsWith('http://127.0.0.1:9999/files/local/production/')).toBe(true)
    expect(signed(document.url)).toBe(true)
    expect((await fetchWithoutToken(document.url)).text).toBe('A fictional note')
  })
})
