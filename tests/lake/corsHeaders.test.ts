// The Studio reads the lake from another origin: every answer to an allowed origin, errors and images
// included, must let the browser read it, and a preflight must allow what it asks for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiVersionPath } from '../../core/index.ts'
import { serveArchive } from './archiveFixture.ts'

let served: Awaited<ReturnType<typeof serveArchive>>
beforeAll(async () => {
  served = await serveArchive()
})
afterAll(async () => {
  await served.close()
})

const studio = 'http://localhost:3333'
const ask = (path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${served.port}${apiVersionPath}${path}`, init)
const varies = (response: Response) => (response.headers.get('Vary') ?? '').split(',').map((name) => name.trim())

describe('CORS for the Studio', () => {
  it('answers a preflight from the Studio with the methods, the headers it asked for, and credentials', async () => {
    const response = await ask('/data/mutate/production', {
      method: 'OPTIONS',
      headers: { Origin: studio, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(studio)
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBe('true')
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET,POST,PUT,PATCH,DELETE,OPTIONS')
    expect(response.headers.get('Access-Control-Allow-Headers')).toBe('authorization,content-type')
    expect(response.headers.get('Access-Control-Max-Age')).toBe('600')
    expect(varies(response)).toEqual(['Origin', 'Access-Control-Request-Headers'])
  })

  it('lets the Studio read a query, a write and a refusal, each marked as varying with the origin', async () => {
    const token = served.archive.tokens.administrator ?? ''
    const answers = [
      await ask('/data/query/production?query=*%5B_id%20%3D%3D%20%22survivor-own%22%5D%5B0%5D._id', {
        headers: { Origin: studio, Authorization: `Bearer ${token}` },
      }),
      await ask('/data/mutate/production', {
        method: 'POST',
        headers: { Origin: studio, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ mutations: [{ createOrReplace: { _id: 'theme-cors', _type: 'theme' } }] }),
      }),
      await ask('/data/query/production?query=*', { headers: { Origin: studio } }),
    ]
    expect(answers.map((response) => response.status)).toEqual([200, 200, 401])
    for (const response of answers) {
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe(studio)
      expect(response.headers.get('Access-Control-Allow-Credentials')).toBe('true')
      expect(varies(response)).toEqual(['Origin'])
    }
  })

  it('keeps an image’s own Vary beside the origin', async () => {
    const response = await fetch(`http://127.0.0.1:${served.port}/${served.archive.publicImage}`, { headers: { Origin: studio } })
    expect(response.status).toBe(200)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(studio)
    expect(varies(response)).toEqual(['Accept', 'Authorization', 'Origin'])
  })

  it('does not let another origin read the answers', async () => {
    const response = await ask('/ping', { headers: { Origin: 'http://elsewhere.example' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })
})
