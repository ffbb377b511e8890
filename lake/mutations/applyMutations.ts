// Applies Sanity mutations to documents, all or nothing, without touching storage: the caller
// reads through `read`, and commits the returned changes in one transaction. Patches are applied
// by @sanity/mutator, the Studio's own implementation of Sanity's patch semantics.
import { Mutation as SanityMutation } from '@sanity/mutator'
import { badRequest, documentAlreadyExists, documentNotFound, isLakeError, revisionMismatch, transactionError } from '../errors.ts'
import { createChangeSet, type ChangeSet } from './changeSet.ts'
import { documentIdPattern, type DocumentChange, type LakeDocument } from './document.ts'
import { mutation as mutationSchema, type Mutation, type PatchMutation } from './mutationRequest.ts'
import { describeZodError } from '../../core/index.ts'

export interface MutationContext {
  transactionId: string
  timestamp: string
  read: (id: string) => LakeDocument | null
  /** Ids of the documents a GROQ query selects (for delete and patch by query). */
  select(query: string, params: Record<string, unknown>): string[]
  newId(): string
}

interface State extends Omit<ChangeSet, 'changes'> {
  context: MutationContext
}

export function parseMutations(raw: ReadonlyArray<unknown>): Mutation[] {
  return raw.map((item, index) => {
    const parsed = mutationSchema.safeParse(item)
    if (parsed.success) return parsed.data
    const kind = item && typeof item === 'object' ? Object.keys(item).join(', ') : typeof item
    throw transactionError(
      'mutation',
      index,
      badRequest(
        `Mutation ${index} ("${kind}") is not one of create, createIfNotExists, createOrReplace, delete or patch with valid fields: ${describeZodError(parsed.error)}`,
        'invalidMutationError',
      ),
    )
  })
}

export function applyMutations(mutations: ReadonlyArray<Mutation>, context: MutationContext): DocumentChange[] {
  const changeSet = createChangeSet(context.read)
  const state: State = { context, current: changeSet.current, write: changeSet.write }
  mutations.forEach((item, index) => {
    try {
      applyOne(item, state)
    } catch (error) {
      if (isLakeError(error)) throw transactionError('mutation', index, error)
      throw error
    }
  })
  return changeSet.changes()
}

function applyOne(item: Mutation, state: State): void {
  if ('create' in item) return create(item.create, state, 'fail')
  if ('createIfNotExists' in item) return create(item.createIfNotExists, state, 'ignore')
  if ('createOrReplace' in item) return create(item.createOrReplace, state, 'replace')
  if ('delete' in item) {
    const ids = 'query' in item.delete ? state.context.select(item.delete.query, item.delete.params ?? {}) : [item.delete.id].flat()
    for (const id of ids) if (state.current(id)) state.write(id, null)
    return
  }
  return patch(item.patch, state)
}

function create(body: { _id?: string; _type: string } & Record<string, unknown>, state: State, ifExists: 'fail' | 'ignore' | 'replace') {
  const id = !body._id ? state.context.newId() : body._id.endsWith('.') ? body._id + state.context.newId() : body._id
  if (!documentIdPattern.test(id))
    throw badRequest(
      `Document id "${id}" is not valid: use letters, digits, ".", "_" and "-", at most 128 characters`,
      'invalidDocumentIdError',
    )
  const existing = state.current(id)
  if (existing && ifExists === 'ignore') return
  if (existing && ifExists === 'fail') throw documentAlreadyExists(id)
  state.write(
    id,
    stamp({ ...body, _id: id, _createdAt: existing?._createdAt ?? stringOr(body._createdAt, state.context.timestamp) }, state.context),
  )
}

function patch(body: PatchMutation, state: State) {
  const ids = body.query ? state.context.select(body.query, body.params ?? {}) : body.id ? [body.id] : []
  if (!body.query && !body.id) throw badRequest('A patch needs an "id" or a "query" to say which documents it changes', 'invalidPatchError')
  for (const id of ids) {
    const existing = state.current(id)
    if (!existing) throw documentNotFound(id, `Document "${id}" not found`, 404)
    if (body.ifRevisionID !== undefined && body.ifRevisionID !== existing._rev)
      throw revisionMismatch(id, `Document "${id}" has unexpected revision ID ("${existing._rev}"), expected "${body.ifRevisionID}"`)
    const { id: _ignoredId, query: _query, params: _params, ifRevisionID: _rev, ...operations } = body
    let patched: LakeDocument | null
    try {
      patched = new SanityMutation({ mutations: [{ patch: { id, ...operations } }] }).apply(existing)
    } catch (error) {
      throw badRequest(
        `Patch of "${id}" could not be applied: ${error instanceof Error ? error.message : String(error)}`,
        'invalidPatchError',
      )
    }
    if (!patched) throw badRequest(`Patch of "${id}" removed the document; use delete instead`, 'invalidPatchError')
    if (patched._id !== id || typeof patched._type !== 'string')
      throw badRequest(`Patch of "${id}" may not change _id or _type`, 'invalidPatchError')
    state.write(id, stamp(patched, state.context))
  }
}

function stamp(document: LakeDocument, context: MutationContext): LakeDocument {
  return { ...document, _rev: context.transactionId, _updatedAt: context.timestamp }
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback
}
