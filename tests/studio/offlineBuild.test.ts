// The built Studio is rewritten to load nothing from Sanity's hosts.
import { describe, expect, it } from 'vitest'
import { externalAddresses, offlineStudioText } from '../../studio/offlineBuild.ts'
import { isLocalHost } from '../../studio/offlineGuard.ts'

const built = `<head><script src="https://core.sanity-cdn.com/bridge.js" async type="module" data-sanity-core></script>
<style>@font-face { src: url("https://studio-static.sanity.io/Inter-MediumItalic.woff2") format("woff2"); }</style></head>
<body><a href="https://www.enable-javascript.com/">Enable JavaScript</a></body>`

describe('the offline Studio build', () => {
  it('drops Sanity’s CDN script and serves Inter from this machine', () => {
    const offline = offlineStudioText(built, '/static/fonts')
    expect(offline).not.toContain('sanity-cdn.com')
    expect(offline).toContain('url("/static/fonts/inter-latin-wght-italic.woff2")')
    expect(externalAddresses(built)).toEqual([
      'https://core.sanity-cdn.com/bridge.js',
      'https://studio-static.sanity.io/Inter-MediumItalic.woff2',
    ])
    expect(externalAddresses(offline)).toEqual([])
  })

  it('counts only this machine as local', () => {
    expect(['localhost', 'l3.local.localhost', '127.0.0.1'].every((host) => isLocalHost(host, 'localhost'))).toBe(true)
    expect(['api.sanity.io', 'sanity-cdn.com', 'localhost.example.org'].some((host) => isLocalHost(host, 'localhost'))).toBe(false)
  })
})
