// Turns Studio document actions into changes, all or nothing: create and edit work on the draft,
// publish replaces the published document with the draft and removes the draft, and so on.
// Each handler is one entry of an exhaustive map, so a new action type fails to compile here.
import { Mutation as SanityMutation } from '@sanity/mutator'
import {
  badRequest,
  documentAlreadyExists,
  documentNotFound,
  isLakeError,
  LakeError,
  revisionMismatch,
  transactionError,
} from '../errors.ts'
import type { MutationContext } from '../mutations/applyMutations.ts'
import { createChangeSet, type ChangeSet } from '../mutations/changeSet.ts'
import type { DocumentChange, LakeDocument } from '../mutations/document.ts'
import { documentAction, type ActionType, type DocumentAction } from './actionRequest.ts'
import { draftIdOf, describeZodError } from '../../core/index.ts'

interface ActionState extends Omit<ChangeSet, 'changes'> {
  context: MutationContext
}

type Handlers = { [T in ActionType]: (action: Extract<DocumentAction, { actionType: T }>, state: ActionState) => void }

const stamp = (document: LakeDocument, context: MutationContext, createdAt?: string): LakeDocument => ({
  ...document,
  _createdAt: createdAt ?? document._createdAt ?? context.timestamp,
  _rev: context.transactionId,
  _updatedAt: context.timestamp,
})

const mustBeDraftOf = (draftId: string, publishedId: string) => {
  if (draftId !== draftIdOf(publishedId))
    throw badRequest(`"${draftId}" is not the draft of "${publishedId}"; the draft id is "${draftIdOf(publishedId)}"`, 'invalidActionError')
}

const handlers: Handlers = {
  'sanity.action.document.create': (action, { context, current, write }) => {
    const id = action.attributes._id
    if (id !== action.publishedId && id !== draftIdOf(action.publishedId))
      throw badRequest(`attributes._id "${id}" does not belong to "${action.publishedId}"`, 'invalidActionError')
    if (current(id)) {
      if (action.ifExists === 'ignore') return
      throw documentAlreadyExists(id)
    }
    write(id, stamp({ ...action.attributes }, context))
  },
  'sanity.action.document.edit': (action, { context, current, write }) => {
    mustBeDraftOf(action.draftId, action.publishedId)
    const base = current(action.draftId) ?? withId(current(action.publishedId), action.draftId)
    if (!base)
      throw new LakeError(
        404,
        'documentNotFoundError',
        `Neither "${action.draftId}" nor "${action.publishedId}" exists; create the document first`,
        { id: action.publishedId },
      )
    let patched: LakeDocument | null
    try {
      patched = new SanityMutation({ mutations: [{ patch: { id: action.draftId, ...action.patch } }] }).apply(base)
    } catch (error) {
      throw badRequest(
        `The edit of "${action.draftId}" could not be applied: ${error instanceof Error ? error.message : String(error)}`,
        'invalidPatchError',
      )
    }
    if (!patched || patched._id !== action.draftId)
      throw badRequest(`The edit of "${action.draftId}" may not remove it or change its _id`, 'invalidPatchError')
    write(action.draftId, stamp(patched, context))
  },
  'sanity.action.document.publish': (action, { context, current, write }) => {
    mustBeDraftOf(action.draftId, action.publishedId)
    const draft = current(action.draftId)
    const published = current(action.publishedId)
    if (!draft) throw documentNotFound(action.draftId, `There is no draft "${action.draftId}" to publish`)
    if (action.ifDraftRevisionId && action.ifDraftRevisionId !== draft._rev)
      throw revisionMismatch(
        action.draftId,
        `The draft "${action.draftId}" changed (revision "${draft._rev}", expected "${action.ifDraftRevisionId}"); publish again`,
      )
    if (action.ifPublishedRevisionId && action.ifPublishedRevisionId !== published?._rev) {
      throw revisionMismatch(
        action.publishedId,
        `The published "${action.publishedId}" changed (revision "${published?._rev}", expected "${action.ifPublishedRevisionId}"); publish again`,
      )
    }
    write(action.publishedId, stamp({ ...draft, _id: action.publishedId }, context, published?._createdAt ?? draft._createdAt))
    write(action.draftId, null)
  },
  'sanity.action.document.unpublish': (action, { context, current, write }) => {
    mustBeDraftOf(action.draftId, action.publishedId)
    const published = current(action.publishedId)
    if (!published) throw documentNotFound(action.publishedId, `"${action.publishedId}" is not published`)
    if (!current(action.draftId)) write(action.draftId, stamp({ ...published, _id: action.draftId }, context))
    write(action.publishedId, null)
  },
  'sanity.action.document.discard': (action, { current, write }) => {
    if (!current(action.draftId)) throw documentNotFound(action.draftId, `There is no draft "${action.draftId}" to discard`)
    write(action.draftId, null)
  },
  'sanity.action.document.delete': (action, { current, write }) => {
    const ids = [action.publishedId, ...(action.includeDrafts ?? [])]
    for (const id of ids) if (current(id)) write(id, null)
  },
  'sanity.action.document.replaceDraft': (action, { context, write }) => {
    write(draftIdOf(action.publishedId), stamp({ ...action.attributes, _id: draftIdOf(action.publishedId) }, context))
  },
}

function withId(document: LakeDocument | null, id: string): LakeDocument | null {
  return document ? { ...document, _id: id } : null
}

export function parseActions(raw: ReadonlyArray<unknown>): DocumentAction[] {
  return raw.map((item, index) => {
    const parsed = documentAction.safeParse(item)
    if (parsed.success) return parsed.data
    const type = item && typeof item === 'object' && 'actionType' in item ? String(item.actionType) : 'without actionType'
    throw transactionError(
      'action',
      index,
      badRequest(`Unsupported action ${type}: ${describeZodError(parsed.error)}`, 'invalidActionError'),
    )
  })
}

export function applyActions(actions: ReadonlyArray<DocumentAction>, context: MutationContext): DocumentChange[] {
  const changeSet = createChangeSet(context.read)
  const state: ActionState = { context, current: changeSet.current, write: changeSet.write }
  actions.forEach((action, index) => {
    try {
      const handler = handlers[action.actionType] as (a: DocumentAction, s: ActionState) => void
      handler(action, state)
    } catch (error) {
      if (isLakeError(error)) throw transactionError('action', index, error)
      throw error
    }
  })
  return changeSet.changes()
}
