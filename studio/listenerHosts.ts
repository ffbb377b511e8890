// Browsers open at most six HTTP/1.1 connections per host, and the Studio keeps about seven
// listeners open, so against the lake (plain HTTP/1.1) further requests would queue forever.
// Hosted Sanity avoids this with HTTP/2. Locally, each listener stream is sent to its own
// `l<N>.` sub-host of the lake's *.localhost name, which browsers resolve to loopback and count as
// separate hosts; the lake answers on any host name. Only listener URLs are rewritten.

const listenPath = /\/data\/listen\//
const hostCount = 24
let next = 0

/** The URL a listener request should go to: the same lake, on the next listener sub-host. */
export function spreadListenerUrl(url: string, lakeHost: string): string {
  if (!listenPath.test(url)) return url
  const parsed = new URL(url)
  const lake = new URL(lakeHost)
  if (parsed.port !== lake.port || !parsed.hostname.endsWith('localhost')) return url
  next = (next % hostCount) + 1
  parsed.hostname = `l${next}.${parsed.hostname.replace(/^l\d+\./, '')}`
  return parsed.toString()
}

/** Installs the rewrite on the browser's fetch and XMLHttpRequest (the event-source polyfill uses either). */
export function installListenerHosts(lakeHost: string): void {
  if (typeof window === 'undefined' || Reflect.get(window, '__lakeListenerHosts')) return
  Reflect.set(window, '__lakeListenerHosts', true)
  const originalFetch = window.fetch.bind(window)
  window.fetch = (input, init) =>
    originalFetch(
      typeof input === 'string'
        ? spreadListenerUrl(input, lakeHost)
        : input instanceof URL
          ? spreadListenerUrl(input.toString(), lakeHost)
          : input,
      init,
    )
  // eslint-disable-next-line @typescript-eslint/unbound-method -- applied below with the request as this
  const originalOpen = XMLHttpRequest.prototype.open
  XMLHttpRequest.prototype.open = function open(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    const rewritten = spreadListenerUrl(url.toString(), lakeHost)
    Reflect.apply(originalOpen, this, [method, rewritten, ...rest])
  }
}
