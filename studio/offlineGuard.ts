// On the local lake the archive promises that nothing leaves the machine. Sanity's Studio still
// calls its own hosts at run time (a version check, a feedback channel) whatever its configuration;
// this refuses every request to a host that is not this machine, before it is sent.
export function isLocalHost(hostname: string, pageHost: string): boolean {
  return (
    hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === pageHost
  )
}

const requestUrl = (input: RequestInfo | URL): string =>
  typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url

export function installOfflineGuard(): void {
  if (typeof window === 'undefined' || Reflect.get(window, '__archiveOfflineGuard')) return
  Reflect.set(window, '__archiveOfflineGuard', true)
  const allowed = (url: string) => isLocalHost(new URL(url, window.location.href).hostname, window.location.hostname)
  const originalFetch = window.fetch.bind(window)
  window.fetch = (input, init) => {
    const url = requestUrl(input)
    return allowed(url)
      ? originalFetch(input, init)
      : Promise.reject(
          new TypeError(`Not sent: ${new URL(url, window.location.href).host} is outside this machine, and the archive runs offline`),
        )
  }
  // eslint-disable-next-line @typescript-eslint/unbound-method -- applied below with the request as this
  const originalOpen = XMLHttpRequest.prototype.open
  XMLHttpRequest.prototype.open = function open(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    if (!allowed(url.toString())) throw new TypeError('Not sent: the archive runs offline')
    Reflect.apply(originalOpen, this, [method, url, ...rest])
  }
  const originalBeacon = navigator.sendBeacon?.bind(navigator)
  if (originalBeacon) navigator.sendBeacon = (url, data) => allowed(url.toString()) && originalBeacon(url, data)
}
