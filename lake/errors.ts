// The lake's one error type. Every refusal is a LakeError with a status and a body in Sanity's
// error shape, so that @sanity/client reports it the way it reports hosted Sanity's errors. Its type
// is one of the names below and its status the one that name goes with (hono's HTTPException and
// @sanity/client's ClientError as models): a typo, or a 404 for a conflict, does not compile.

/**
 * Each error type the lake answers with, and the status it goes with: hosted Sanity's names where
 * Sanity has one, the lake's own (`consentRefusedError`, …) for the refusals of its guards.
 */
export interface LakeErrorStatuses {
  validationError: 400
  invalidActionError: 400
  invalidDocumentError: 400
  invalidDocumentIdError: 400
  invalidImageError: 400
  invalidImageParameterError: 400
  invalidImportError: 400
  invalidJsonError: 400
  invalidMutationError: 400
  invalidParameterError: 400
  invalidPatchError: 400
  invalidPerspectiveError: 400
  invalidRequestError: 400
  queryParseError: 400
  queryEvaluationError: 400
  queryTooLargeError: 400
  unauthorizedError: 401
  permissionDeniedError: 403
  notFoundError: 404
  conflictError: 409
  documentAlreadyExistsError: 409
  /** 409 inside a transaction, 404 for a patch or an edit of a document that is not there, as Sanity answers. */
  documentNotFoundError: 404 | 409
  revisionMismatchError: 409
  consentRefusedError: 409
  workflowRefusedError: 409
  caseRecordDeletionError: 409
  publicStoryError: 409
  requestEntityTooLargeError: 413
  internalError: 500
  /** The disk refused a commit (full, an I/O error): nothing of the transaction was stored. */
  commitFailedError: 503
  /** A failed transaction answers with the status of the item that failed. */
  mutationError: LakeErrorStatus
  actionError: LakeErrorStatus
}
export type LakeErrorType = keyof LakeErrorStatuses
/** Every status a lake error answers with. */
export type LakeErrorStatus = LakeErrorStatuses[Exclude<LakeErrorType, 'mutationError' | 'actionError'>]

/** The fields an error may carry beside its type and description, which are its own and never among them. */
export type LakeErrorDetails = Record<string, unknown> & { type?: never; description?: never }

export type LakeErrorBody<T extends LakeErrorType = LakeErrorType> = { type: T; description: string } & Record<string, unknown>

/** Hosted Sanity's error types for a refused write, which clients tell apart (a conflict by its type, not its words). */
export const conflictTypes = ['conflictError', 'documentAlreadyExistsError', 'documentNotFoundError', 'revisionMismatchError'] as const
export type ConflictType = (typeof conflictTypes)[number]

/** The error types that go with 400 Bad Request. */
export type BadRequestType = { [T in LakeErrorType]: LakeErrorStatuses[T] extends 400 ? T : never }[LakeErrorType]

export class LakeError<T extends LakeErrorType = LakeErrorType> extends Error {
  readonly status: LakeErrorStatuses[T]
  readonly body: LakeErrorBody<T>
  /** Hosted Sanity's machine-readable code, beside `error` (the Studio reads it on a 401). */
  readonly errorCode: string | undefined

  constructor(status: LakeErrorStatuses[T], type: T, description: string, details: LakeErrorDetails = {}, errorCode?: string) {
    super(description)
    this.status = status
    // The type and description are the error's own: the details' type forbids them, and they come last.
    this.body = { ...details, description, type }
    this.errorCode = errorCode
  }

  toJSON(): { error: LakeErrorBody<T>; statusCode: LakeErrorStatuses[T]; errorCode?: string } {
    return { error: this.body, statusCode: this.status, ...(this.errorCode ? { errorCode: this.errorCode } : {}) }
  }
}

/** Whether a thrown value is a lake error, of any type (`instanceof` alone would leave its type unknown). */
export const isLakeError = (error: unknown): error is LakeError => error instanceof LakeError

export const badRequest = (description: string, type: BadRequestType = 'validationError', details?: LakeErrorDetails) =>
  new LakeError(400, type, description, details)
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
export const conflict = (
  description: string,
  details?: LakeErrorDetails,
  type: Exclude<ConflictType, 'documentNotFoundError'> = 'conflictError',
) => new LakeError(409, type, description, details)
export const documentAlreadyExists = (id: string) => conflict(`Document by ID "${id}" already exists`, { id }, 'documentAlreadyExistsError')
/** A document a write needs is not there (Sanity answers 409 in a transaction, 404 for a patch). */
export const documentNotFound = (id: string, description: string, status: 404 | 409 = 409) =>
  new LakeError(status, 'documentNotFoundError', description, { id })
export const revisionMismatch = (id: string, description: string) => conflict(description, { id }, 'revisionMismatchError')

/** A failed mutation or action, with the item that failed, as Sanity reports it. */
export function transactionError(kind: 'mutation' | 'action', index: number, item: LakeError): LakeError<'mutationError' | 'actionError'> {
  const description = `The ${kind}(s) failed: ${item.message}`
  return new LakeError(item.status, `${kind}Error`, description, { items: [{ error: item.body, index }] })
}
