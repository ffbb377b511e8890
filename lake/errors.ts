// The lake's one error type. Every refusal is a LakeError with a status and a body in Sanity's
// error shape, so that @sanity/client reports it the way it reports hosted Sanity's errors.
export type LakeErrorBody = { type: string; description: string } & Record<string, unknown>

export class LakeError extends Error {
  readonly status: number
  readonly body: LakeErrorBody

  constructor(status: number, type: string, description: string, extra: Record<string, unknown> = {}) {
    super(description)
    this.status = status
    this.body = { ...extra, description, type }
  }

  toJSON(): { error: LakeErrorBody; statusCode: number } {
    return { error: this.body, statusCode: this.status }
  }
}

export const badRequest = (description: string, type = 'validationError', extra?: Record<string, unknown>) =>
  new LakeError(400, type, description, extra)
export const unauthorized = (description = 'Sign in with a lake token: send "Authorization: Bearer <token>".') =>
  new LakeError(401, 'unauthorizedError', description)
export const forbidden = (description: string) => new LakeError(403, 'permissionDeniedError', description)
export const notFound = (description: string) => new LakeError(404, 'notFoundError', description)
export const conflict = (description: string, extra?: Record<string, unknown>) => new LakeError(409, 'conflictError', description, extra)

/** A failed mutation or action, with the item that failed, as Sanity reports it. */
export function transactionError(kind: 'mutation' | 'action', index: number, item: LakeError): LakeError {
  const description = `The ${kind}(s) failed: ${item.message}`
  return new LakeError(item.status, `${kind}Error`, description, { items: [{ error: item.body, index }] })
}
