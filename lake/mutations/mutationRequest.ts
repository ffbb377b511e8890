// The mutations a client may send, checked with zod: Sanity's six kinds, each with its fields.
import { z } from 'zod'
import { maxTransactionIdLength } from '../limits.ts'

const documentBody = z.looseObject({ _id: z.string().min(1).optional(), _type: z.string().min(1) })
const documentWithId = z.looseObject({ _id: z.string().min(1), _type: z.string().min(1) })
const selection = z.union([
  z.object({ query: z.string().min(1), params: z.record(z.string(), z.unknown()).optional() }),
  z.object({ id: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]) }),
])
const patch = z.looseObject({
  id: z.string().min(1).optional(),
  query: z.string().min(1).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  ifRevisionID: z.string().optional(),
  set: z.record(z.string(), z.unknown()).optional(),
  setIfMissing: z.record(z.string(), z.unknown()).optional(),
  unset: z.array(z.string()).optional(),
  inc: z.record(z.string(), z.number()).optional(),
  dec: z.record(z.string(), z.number()).optional(),
  insert: z
    .union([
      z.object({ before: z.string(), items: z.array(z.unknown()) }),
      z.object({ after: z.string(), items: z.array(z.unknown()) }),
      z.object({ replace: z.string(), items: z.array(z.unknown()) }),
    ])
    .optional(),
  diffMatchPatch: z.record(z.string(), z.string()).optional(),
})

export const mutation = z.union([
  z.strictObject({ create: documentBody }),
  z.strictObject({ createIfNotExists: documentWithId }),
  z.strictObject({ createOrReplace: documentWithId }),
  z.strictObject({ delete: selection }),
  z.strictObject({ patch }),
])
export type Mutation = z.infer<typeof mutation>
export type PatchMutation = z.infer<typeof patch>

export const mutateBody = z.object({
  mutations: z.array(z.unknown()).min(1),
  transactionId: z.string().min(1).max(maxTransactionIdLength).optional(),
})
