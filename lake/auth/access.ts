// What one user may read and write, from her role's GROQ-filter grants (the same grants the
// Studio is given, so that what it offers and what the lake allows agree).
import type { LakeDocument } from '../mutations/document.ts'
import { evaluateGroqSync, parseGroq, type GroqTree } from '../query/groqJs.ts'
import { everything, roleGrants, type Permission } from './roles.ts'
import type { LakeUser } from './tokenStore.ts'

export interface Access {
  user: LakeUser
  canRead: (document: LakeDocument) => boolean
  /** The user may create or change this document (and so delete it, where deleting is allowed at all). */
  canWrite: (document: LakeDocument) => boolean
  readable: (documents: ReadonlyArray<LakeDocument>) => ReadonlyArray<LakeDocument>
  /** The user may load the images and files this document uses (it is readable). */
  mayLoadAssetsOf: (document: LakeDocument) => boolean
  readOnly: boolean
  /** The role may read every document. */
  readsAll: boolean
}

const compiled = new Map<string, GroqTree>()
function filterTree(filter: string): GroqTree {
  let tree = compiled.get(filter)
  if (!tree) {
    // Only the ids come back: groq-js turns a query's answer into plain JSON by walking all of it,
    // which for the documents themselves (every story's whole text) cost most of a publisher's or a
    // therapist's query (at 5,000 stories, about 0.1 s of every query that reads the stories).
    tree = parseGroq(`*[${filter}]._id`)
    compiled.set(filter, tree)
  }
  return tree
}

function selects(filter: string, documents: ReadonlyArray<LakeDocument>, identity: string): LakeDocument[] {
  if (filter === everything) return [...documents]
  const result = evaluateGroqSync(filterTree(filter), { dataset: documents, identity })
  const selected = new Set(Array.isArray(result) ? result : [])
  return documents.filter((document) => selected.has(document._id))
}

/** One filter selecting what any of the grants giving these permissions selects; null when none does. */
function filterFor(user: LakeUser, allowed: ReadonlyArray<Permission>): string | null {
  const filters = roleGrants[user.role].grants.filter((g) => g.permissions.some((p) => allowed.includes(p))).map((g) => g.filter)
  if (filters.length === 0) return null
  return filters.includes(everything) ? everything : filters.map((filter) => `(${filter})`).join(' || ')
}

export function accessFor(user: LakeUser): Access {
  const read = filterFor(user, ['read'])
  const write = filterFor(user, ['create', 'update'])
  const canRead = (document: LakeDocument) => read !== null && selects(read, [document], user.id).length === 1
  return {
    user,
    readOnly: write === null,
    readsAll: read === everything,
    canRead,
    canWrite: (document) => write !== null && selects(write, [document], user.id).length === 1,
    readable: (documents) => {
      if (read === everything) return documents
      return read === null ? [] : selects(read, documents, user.id)
    },
    mayLoadAssetsOf: canRead,
  }
}
