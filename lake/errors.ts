// The lake's one error type. Every refusal is a LakeError with a status and a body in Sanity's
// error shape, so that @sanity/client reports it the way it reports hosted Sanity's errors.
export type LakeErrorBody = { type: string; description: string } & Record<string, unknown>

/** Hosted Sanity's error types for a refused write, which clients tell apart (a conflict by its type, not its words). */
export const conflictTypes = ['conflictError', 'documentAlreadyExistsError', 'documentNotFoundError', 'revisionMismatchError'] as const
export type ConflictType = (typeof conflictTypes)[number]

export class LakeError extends Error {
  readonly status: number
  readonly body: LakeErrorBody
  /** Hosted Sanity's machine-readable code, beside `error` (the Studio reads it on a 401). */
  readonly errorCode: string | undefined

  constructor(status: number, type: string, description: string, extra: Record<string, unknown> = {}, errorCode?: string) {
    super(description)
    this.status = status
    // The type and description are the error's own: a field of `extra` never overwrites them.
    this.body = { ...extra, description, type }
    this.errorCode = errorCode
  }

  toJSON(): { error: LakeErrorBody; statusCode: number; errorCode?: string } {
    return { error: this.body, statusCode: this.status, ...(this.errorCode ? { errorCode: this.errorCode } : {}) }
  }
}

export const badRequest = (description: string, type = 'validationError', extra?: Record<string, unknown>) =>
  new LakeError(400, type, description, extra)
export const unauthorized = (description = 'Sign in with a lake token: send "Authorization: Bearer <token>".') =>
  new LakeError(401, 'unauthorizedError', description)
/**
 * A token that no longer signs in. The codes are hosted Sanity's for an expired session and for one
 * that does not exist: with them the Studio signs out and shows its sign-in screen.
 */
export const sessionEnded = (why: 'expired' | 'unknown') =>
  why === 'expired'
    ? new LakeError(401, 'unauthorizedError', 'This sign-in ended after a working day without use; sign in again.', {}, 'SIO-401-AEX')
    : new LakeError(
        401,
        'unauthorizedError',
        'This token is unknown or was revoked, or its sign-in has ended; sign in again, or use a valid lake token.',
        {},
        'SIO-401-ANF',
      )
export const forbidden = (description: string) => new LakeError(403, 'permissionDeniedError', description)
export const notFound = (description: string) => new LakeError(404, 'notFoundError', description)
export const conflict = (description: string, extra?: Record<string, unknown>, type: ConflictType = 'conflictError') =>
  new LakeError(409, type, description, extra)
export const documentAlreadyExists = (id: string) => conflict(`Document by ID "${id}" already exists`, { id }, 'documentAlreadyExistsError')
/** A document a write needs is not there (Sanity answers 409 in a transaction, 404 for a patch). */
export const documentNotFound = (id: string, description: string, status: 404 | 409 = 409) =>
  new LakeError(status, 'documentNotFoundError', description, { id })
export const revisionMismatch = (id: string, description: string) => conflict(description, { id }, 'revisionMismatchError')

/** A failed mutation or action, with the item that failed, as Sanity reports it. */
export function transactionError(kind: 'mutation' | 'action', index: number, item: LakeError): LakeError {
  const description = `The ${kind}(s) failed: ${item.message}`
  return new LakeError(item.status, `${kind}Error`, description, { items: [{ error: item.body, index }] })
}
