// A transaction is bounded as on hosted Sanity: by its body, 4,000,000 bytes, not by how many
// mutations it holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maxMutationBodyBytes } from '../../lake/limits.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake()
})
afterAll(() => harness.stop())

describe('the size of a transaction', () => {
  it('takes 1,500 mutations in one transaction, as hosted Sanity does', async () => {
    const client = harness.client('administrator')
    const mutations = Array.from({ length: 1500 }, (_, i) => ({
      create: { _id: `term-${i}`, _type: 'glossaryTerm', term: { en: `Term ${i}` } },
    }))
    await client.mutate(mutations)
    expect(await client.fetch('count(*[_type == "glossaryTerm"])')).toBe(1500)
  })

  it('refuses a body over 4,000,000 bytes in Sanity’s words, and stores none of it', async () => {
    expect(maxMutationBodyBytes).toBe(4_000_000)
    const client = harness.client('administrator')
    const note = 'x'.repeat(1000)
    const mutations = Array.from({ length: 4100 }, (_, i) => ({ create: { _id: `big-${i}`, _type: 'glossaryTerm', note } }))
    await expect(client.mutate(mutations)).rejects.toMatchObject({
      statusCode: 413,
      message: expect.stringContaining('Request body exceeds limit of 4000000 bytes'),
    })
    expect(await client.fetch('count(*[_id match "big-*"])')).toBe(0)
  })
})
