// The lake's error type: a body in Sanity's error shape whose type and status go together. The
// `@ts-expect-error` lines are checked by `tsc -p .`: a typo, a status that does not go with its type,
// or details that would overwrite the type do not compile.
import { describe, expect, it } from 'vitest'
import { LakeError, badRequest, documentNotFound, transactionError } from '../../lake/errors.ts'

describe('lake errors', () => {
  it("answers in Sanity's error shape, with the type and description the error's own", () => {
    const refused = new LakeError(409, 'consentRefusedError', 'Testimony "t-1" can not be published', { id: 't-1' })
    expect(refused.toJSON()).toEqual({
      error: { type: 'consentRefusedError', description: 'Testimony "t-1" can not be published', id: 't-1' },
      statusCode: 409,
    })
  })

  it('reports a failed transaction with the status and the body of the item that failed', () => {
    const item = documentNotFound('t-2', 'Document "t-2" is not there', 404)
    expect(transactionError('mutation', 3, item).toJSON()).toEqual({
      error: {
        type: 'mutationError',
        description: 'The mutation(s) failed: Document "t-2" is not there',
        items: [{ error: { type: 'documentNotFoundError', description: 'Document "t-2" is not there', id: 't-2' }, index: 3 }],
      },
      statusCode: 404,
    })
  })

  it('refuses at compile time a misspelt type, a status that does not go with its type, and details that name a type', () => {
    // @ts-expect-error: no such error type
    expect(new LakeError(409, 'conflitError', 'typo').status).toBe(409)
    // @ts-expect-error: a conflict is 409, never 404
    expect(new LakeError(404, 'conflictError', 'wrong status').status).toBe(404)
    // @ts-expect-error: 400 Bad Request takes only the types that go with 400
    expect(badRequest('not a bad request', 'permissionDeniedError').status).toBe(400)
    // @ts-expect-error: details never carry a type of their own
    const overwritten = new LakeError(400, 'invalidPatchError', 'specific', { type: 'validationError' })
    expect(overwritten.body.type).toBe('invalidPatchError')
  })
})
