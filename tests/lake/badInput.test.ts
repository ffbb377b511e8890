// Bad input gets a 4xx in Sanity's error shape that says what to do, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLake, type Lake } from '../../lake/index.ts'
import { sealedFolder } from './testKey.ts'
import { apiVersionPath } from '../../core/index.ts'

let lake: Lake
let token: string
beforeAll(() => {
  lake = openLake({ ...sealedFolder('lake-bad-'), log: () => {} })
  lake.services.datasets.ensure('production')
  token = lake.services.tokens.create({ name: 'Admin', role: 'administrator', now: new Date() }).token
})
afterAll(() => lake.close())

// In process, as hono apps are tested: no port needed.
async function post(path: string, body: string) {
  const response = await lake.app.request(`${apiVersionPath}${path}`, {
    method: 'POST',
    body,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  })
  return { status: response.status, body: (await response.json()) as { error: { type: string; description: string } } }
}

describe('bad input', () => {
  it('answers malformed JSON with a 400 that says so', async () => {
    const { status, body } = await post('/data/mutate/production', '{"mutations": [')
    expect(status).toBe(400)
    expect(body.error.description).toContain('not valid JSON')
  })

  it('answers an unknown mutation with a 400 naming the kinds that exist, and applies none of the others', async () => {
    const { status, body } = await post(
      '/data/mutate/production',
      JSON.stringify({ mutations: [{ create: { _id: 'ok-1', _type: 'theme' } }, { explode: {} }] }),
    )
    expect(status).toBe(400)
    expect(body.error).toMatchObject({ type: 'mutationError' })
    expect(body.error.description).toContain('is not one of create, createIfNotExists, createOrReplace, delete or patch')
    expect(lake.services.datasets.get('production').get('ok-1')).toBeNull()
  })

  it('answers an oversized body with a 413', async () => {
    const huge = JSON.stringify({ mutations: [{ create: { _type: 'theme', text: 'x'.repeat(5 * 1024 * 1024) } }] })
    const { status, body } = await post('/data/mutate/production', huge)
    expect(status).toBe(413)
    expect(body.error.description).toContain('split the transaction')
  })

  it('answers a query to an unknown dataset with a 404 that names it', async () => {
    const response = await lake.app.request(`${apiVersionPath}/data/query/nope?query=*`, { headers: { Authorization: `Bearer ${token}` } })
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ error: { description: expect.stringContaining('Dataset "nope" not found') } })
  })

  it('answers an invalid document id with a 400', async () => {
    const { status, body } = await post(
      '/data/mutate/production',
      JSON.stringify({ mutations: [{ create: { _id: 'bad id!', _type: 'theme' } }] }),
    )
    expect(status).toBe(400)
    expect(body.error.description).toContain('is not valid')
  })

  it('refuses a transaction id used before, so a retried request is not applied twice', async () => {
    const mutation = JSON.stringify({ mutations: [{ create: { _type: 'theme' } }], transactionId: 'tx-once' })
    expect((await post('/data/mutate/production', mutation)).status).toBe(200)
    const again = await post('/data/mutate/production', mutation)
    expect(again.status).toBe(409)
    expect(again.body.error.description).toContain('already committed')
  })

  it('answers an unknown endpoint with a 404 in the same shape', async () => {
    const response = await lake.app.request(`${apiVersionPath}/nothing/here`, { headers: { Authorization: `Bearer ${token}` } })
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ error: { type: 'notFoundError' } })
  })

  it('refuses an action that would store a document without _type or under an id Sanity refuses', async () => {
    const edit = { actionType: 'sanity.action.document.edit', draftId: 'drafts.ok-2', publishedId: 'ok-2', patch: { unset: ['_type'] } }
    await post('/data/mutate/production', JSON.stringify({ mutations: [{ create: { _id: 'ok-2', _type: 'theme' } }] }))
    const dropped = await post('/data/actions/production', JSON.stringify({ actions: [edit] }))
    expect(dropped.status).toBe(400)
    expect(dropped.body.error.description).toContain('it has no _type')
    const create = {
      actionType: 'sanity.action.document.create',
      publishedId: '../x\u0000',
      attributes: { _id: '../x\u0000', _type: 'theme' },
    }
    const traversal = await post('/data/actions/production', JSON.stringify({ actions: [create] }))
    expect(traversal.status).toBe(400)
    expect(lake.services.datasets.get('production').get('drafts.ok-2')).toBeNull()
  })
})
