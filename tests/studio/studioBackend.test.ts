// The Studio's backend is chosen by configuration alone.
import { describe, expect, it } from 'vitest'
import { studioBackend } from '../../studio/studioBackend.ts'
import { spreadListenerUrl } from '../../studio/listenerHosts.ts'

describe('the Studio backend', () => {
  it('is the local lake when no hosted project is configured', () => {
    expect(studioBackend({})).toEqual({ projectId: 'local', dataset: 'production', apiHost: 'http://localhost:4444', local: true })
    expect(studioBackend({ SANITY_STUDIO_LAKE_URL: 'http://localhost:5555' }).apiHost).toBe('http://localhost:5555')
  })

  it('is hosted Sanity, with its own API host, when a project id is set', () => {
    expect(studioBackend({ SANITY_STUDIO_PROJECT_ID: 'abc123', SANITY_STUDIO_DATASET: 'archive' })).toEqual({
      projectId: 'abc123',
      dataset: 'archive',
      apiHost: null,
      local: false,
    })
  })
})

describe('listener streams on the local lake', () => {
  it('go each to their own sub-host, so that the browser does not queue them behind six connections', () => {
    const url = 'http://local.localhost:4444/v2025-02-19/data/listen/production?query=*'
    const first = new URL(spreadListenerUrl(url, 'http://localhost:4444'))
    const second = new URL(spreadListenerUrl(url, 'http://localhost:4444'))
    expect(first.hostname).toMatch(/^l\d+\.local\.localhost$/)
    expect(second.hostname).not.toBe(first.hostname)
    expect(first.pathname + first.search).toBe('/v2025-02-19/data/listen/production?query=*')
  })

  it('leave every other request, and other hosts, as they are', () => {
    expect(spreadListenerUrl('http://local.localhost:4444/v2025-02-19/data/query/production?query=*', 'http://localhost:4444')).toBe(
      'http://local.localhost:4444/v2025-02-19/data/query/production?query=*',
    )
    expect(spreadListenerUrl('https://example.org/v1/data/listen/x', 'http://localhost:4444')).toBe('https://example.org/v1/data/listen/x')
  })
})
