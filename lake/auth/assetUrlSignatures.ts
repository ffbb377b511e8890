// Signed, expiring asset addresses: `?exp=<seconds>&sig=<HMAC>` opens one image or file until it
// expires, without a token. Downloaders that send no token (Sanity's exporter, which sends its token
// only to Sanity's CDN; an <audio> element) are given such an address by the lake when, and only
// when, the reader who asked may load the asset. The HMAC covers the path and the expiry, so a
// signature opens no other file and no later time; the key is the lake's own (never on disk in clear).
import { createHmac, timingSafeEqual } from 'node:crypto'

/** How long a signed address opens its asset: long enough for a whole export's downloads to start. */
export const signedAssetUrlLifetimeMs = 60 * 60 * 1000

export const signatureParams = { expiry: 'exp', signature: 'sig' } as const

/**
 * An asset request's address, read as its sender meant it: the Studio appends `?w=200` or `?dl` to an
 * asset document's `url`, so a second `?` after a signature starts more parameters (a signature is
 * base64url: it never holds `?` or `&`).
 */
export function assetRequestUrl(requestUrl: string): URL {
  const url = new URL(requestUrl)
  url.search = url.search.slice(1).replaceAll('?', '&')
  return url
}

export type SignatureCheck = 'valid' | 'absent' | 'expired' | 'invalid'

export class AssetUrlSignatures {
  readonly #key: Buffer

  constructor(key: Uint8Array) {
    if (key.length < 32) throw new Error(`An asset address signing key has at least 32 bytes, not ${key.length}`)
    this.#key = Buffer.from(key)
  }

  #mac(path: string, expiresAtSeconds: number): Buffer {
    return createHmac('sha256', this.#key).update(`asset url\n${path}\n${expiresAtSeconds}`).digest()
  }

  /** The query string that opens `path` (e.g. `/files/local/production/<sha1>.mp3`) until `now` plus the lifetime. */
  sign(path: string, nowMs: number): string {
    const expiresAt = Math.ceil((nowMs + signedAssetUrlLifetimeMs) / 1000)
    return `${signatureParams.expiry}=${expiresAt}&${signatureParams.signature}=${this.#mac(path, expiresAt).toString('base64url')}`
  }

  /** Whether the address's own `exp` and `sig` open this path now. */
  check(path: string, searchParams: URLSearchParams, nowMs: number): SignatureCheck {
    const expiry = searchParams.get(signatureParams.expiry)
    const signature = searchParams.get(signatureParams.signature)
    if (expiry === null && signature === null) return 'absent'
    if (!expiry || !signature || !/^\d{1,12}$/.test(expiry)) return 'invalid'
    // Compared as text, not as decoded bytes: base64's unused last bits must not let a changed
    // character pass. Compared in constant time, and before the expiry, so a forger learns nothing.
    const expected = Buffer.from(this.#mac(path, Number(expiry)).toString('base64url'))
    const given = Buffer.from(signature)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid'
    return Number(expiry) * 1000 < nowMs ? 'expired' : 'valid'
  }
}
