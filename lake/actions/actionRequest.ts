// The document actions Sanity Studio 6 commits through (the Actions API), checked with zod.
import { z } from 'zod'
import { maxTransactionIdLength } from '../limits.ts'

const attributes = z.looseObject({ _id: z.string().min(1), _type: z.string().min(1) })
const patch = z.record(z.string(), z.unknown())

export const documentAction = z.discriminatedUnion('actionType', [
  z.looseObject({
    actionType: z.literal('sanity.action.document.create'),
    publishedId: z.string().min(1),
    attributes,
    ifExists: z.enum(['fail', 'ignore']).optional(),
  }),
  z.looseObject({
    actionType: z.literal('sanity.action.document.edit'),
    draftId: z.string().min(1),
    publishedId: z.string().min(1),
    patch,
  }),
  z.looseObject({
    actionType: z.literal('sanity.action.document.publish'),
    draftId: z.string().min(1),
    publishedId: z.string().min(1),
    ifDraftRevisionId: z.string().optional(),
    ifPublishedRevisionId: z.string().optional(),
  }),
  z.looseObject({ actionType: z.literal('sanity.action.document.unpublish'), draftId: z.string().min(1), publishedId: z.string().min(1) }),
  z.looseObject({ actionType: z.literal('sanity.action.document.discard'), draftId: z.string().min(1), purge: z.boolean().optional() }),
  z.looseObject({
    actionType: z.literal('sanity.action.document.delete'),
    publishedId: z.string().min(1),
    includeDrafts: z.array(z.string()).optional(),
    purge: z.boolean().optional(),
  }),
  z.looseObject({ actionType: z.literal('sanity.action.document.replaceDraft'), publishedId: z.string().min(1), attributes }),
])
export type DocumentAction = z.infer<typeof documentAction>
export type ActionType = DocumentAction['actionType']

export const actionsBody = z.object({
  actions: z.array(z.unknown()).min(1),
  transactionId: z.string().min(1).max(maxTransactionIdLength).optional(),
  dryRun: z.boolean().optional(),
})
