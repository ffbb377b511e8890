// The real @sanity/client, over HTTP, against a running lake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLake, type LakeHarness } from './lakeHarness.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake()
})
afterAll(async () => {
  await harness.stop()
})

describe('the lake, used through @sanity/client', () => {
  it('creates a document and returns it with its revision and timestamps', async () => {
    const client = harness.client('administrator')
    const created = await client.create({ _id: 'theme-a', _type: 'theme', title: { en: 'Forced marriage' } })
    expect(created).toMatchObject({ _id: 'theme-a', _type: 'theme', title: { en: 'Forced marriage' } })
    expect(created._rev).toEqual(expect.any(String))
    expect(created._createdAt).toEqual(expect.any(String))
    expect(await client.getDocument('theme-a')).toEqual(created)
  })

  it('patches with set, setIfMissing, inc and insert, and unsets', async () => {
    const client = harness.client('administrator')
    await client.createOrReplace({ _id: 'lesson-a', _type: 'lesson', count: 1, tags: ['a'] })
    const patched = await client
      .patch('lesson-a')
      .set({ 'title.en': 'Lesson' })
      .setIfMissing({ audience: 'university' })
      .inc({ count: 2 })
      .insert('after', 'tags[-1]', ['b'])
      .unset(['nothing'])
      .commit()
    expect(patched).toMatchObject({ title: { en: 'Lesson' }, audience: 'university', count: 3, tags: ['a', 'b'] })
  })

  it('applies a transaction whole, or not at all', async () => {
    const client = harness.client('administrator')
    await client.transaction().create({ _id: 'gl-1', _type: 'glossaryTerm' }).create({ _id: 'gl-2', _type: 'glossaryTerm' }).commit()
    expect(await client.fetch('count(*[_id in ["gl-1", "gl-2"]])')).toBe(2)

    const failing = client.transaction().create({ _id: 'gl-3', _type: 'glossaryTerm' }).create({ _id: 'gl-1', _type: 'glossaryTerm' })
    await expect(failing.commit()).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('Document by ID "gl-1" already exists'),
    })
    expect(await client.getDocument('gl-3')).toBeUndefined()
  })

  it('refuses a patch whose ifRevisionID is stale, with a 409', async () => {
    const client = harness.client('administrator')
    const doc = await client.create({ _id: 'rev-1', _type: 'theme' })
    await client.patch('rev-1').set({ a: 1 }).commit()
    await expect(client.patch('rev-1').ifRevisionId(doc._rev).set({ a: 2 }).commit()).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('unexpected revision ID'),
    })
  })

  it('answers each perspective: raw sees drafts, published hides them, drafts lays them over', async () => {
    const client = harness.client('administrator')
    await client.createOrReplace({ _id: 'persp', _type: 'ceremony', place: 'published place' })
    await client.createOrReplace({ _id: 'drafts.persp', _type: 'ceremony', place: 'draft place' })
    const query = '*[_type == "ceremony" && _id in ["persp", "drafts.persp"]]{_id, place}'
    expect(await client.fetch(query, {}, { perspective: 'raw' })).toHaveLength(2)
    expect(await client.fetch(query, {}, { perspective: 'published' })).toEqual([{ _id: 'persp', place: 'published place' }])
    expect(await client.fetch('*[_id == "persp"][0].place', {}, { perspective: 'drafts' })).toBe('draft place')
  })

  it('passes query parameters', async () => {
    const client = harness.client('administrator')
    expect(await client.fetch('*[_id == $id][0]._type', { id: 'theme-a' })).toBe('theme')
  })

  it('deletes by id and by query', async () => {
    const client = harness.client('administrator')
    await client.create({ _id: 'del-1', _type: 'glossaryTerm', temp: true })
    await client.create({ _id: 'del-2', _type: 'glossaryTerm', temp: true })
    await client.delete('del-1')
    await client.delete({ query: '*[temp == true]' })
    expect(await client.fetch('count(*[temp == true])')).toBe(0)
  })

  it('reports a bad query as Sanity does, pointing at the position', async () => {
    const client = harness.client('administrator')
    await expect(client.fetch('*[_type == ]')).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('GROQ query parse error'),
    })
  })

  it('tells a caller without a token to sign in, and refuses a wrong one', async () => {
    await expect(harness.client(null).fetch('*')).rejects.toMatchObject({ statusCode: 401 })
    const wrong = harness.client('administrator').withConfig({ token: 'lake_not-a-token' })
    await expect(wrong.fetch('*')).rejects.toMatchObject({ statusCode: 401, message: expect.stringContaining('unknown or was revoked') })
  })

  it('says which dataset is missing', async () => {
    const client = harness.client('administrator').withConfig({ dataset: 'nope' })
    await expect(client.fetch('*')).rejects.toMatchObject({ statusCode: 404, message: expect.stringContaining('Dataset "nope" not found') })
  })

  it('delivers a change made by another client to a listener, with the transaction id as resultRev', async () => {
    const client = harness.client('administrator')
    const events: Array<{ transition?: string; resultRev?: string; transactionId?: string; result?: Record<string, unknown> }> = []
    const subscription = client
      .listen('*[_type == "theme" && _id == "live-1"]', {}, { includeResult: true, events: ['welcome', 'mutation'] })
      .subscribe((event) => {
        if (event.type === 'mutation') events.push(event)
      })
    await new Promise((resolve) => setTimeout(resolve, 300))
    const other = harness.client('supervisor')
    const result = await other.create({ _id: 'live-1', _type: 'theme', title: 'Live' }, { transactionId: 'tx-live-1' })
    await expect.poll(() => events.length).toBe(1)
    subscription.unsubscribe()
    expect(events[0]).toMatchObject({ transition: 'appear', resultRev: result._rev, transactionId: result._rev, result: { title: 'Live' } })
  })
})
