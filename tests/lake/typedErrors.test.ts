// Refused writes carry hosted Sanity's specific error types, as @sanity/client reports them, so that
// a caller (the Studio's Publish among them) tells a revision conflict from a refusal by its type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isRevisionConflict, writeErrorTypes } from '../../studio/actions/writeErrors.ts'
import { startLake, type LakeHarness } from './lakeHarness.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake()
})
afterAll(() => harness.stop())

const refusal = async (write: Promise<unknown>) =>
  write.then(
    () => {
      throw new Error('the write was not refused')
    },
    (error: unknown) => error,
  )

describe('typed errors', () => {
  it('says a document already exists, a revision changed, or a document is not there, each by its own type', async () => {
    const client = harness.client('administrator')
    await client.create({ _id: 'theme-typed', _type: 'theme', title: { en: 'Typed' } })

    const exists = await refusal(client.create({ _id: 'theme-typed', _type: 'theme' }))
    expect(exists).toMatchObject({ statusCode: 409 })
    expect(writeErrorTypes(exists)).toEqual(['documentAlreadyExistsError', 'mutationError'])

    const moved = await refusal(client.patch('theme-typed').ifRevisionId('not-the-revision').set({ n: 1 }).commit())
    expect(moved).toMatchObject({ statusCode: 409 })
    expect(writeErrorTypes(moved)[0]).toBe('revisionMismatchError')
    expect(isRevisionConflict(moved)).toBe(true)
    expect(isRevisionConflict(exists)).toBe(false)

    const missing = await refusal(
      client.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.theme-none', publishedId: 'theme-none' }),
    )
    expect(writeErrorTypes(missing)[0]).toBe('documentNotFoundError')

    const unpatched = await refusal(client.patch('theme-none').set({ n: 1 }).commit())
    expect(unpatched).toMatchObject({ statusCode: 404 })
    expect(writeErrorTypes(unpatched)[0]).toBe('documentNotFoundError')
  })
})
