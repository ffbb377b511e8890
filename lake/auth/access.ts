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
    tree = parseGroq(`*[${filter}]`)
    compiled.set(filter, tree)
  }
  return tree
}

function selects(filter: string, documents: ReadonlyArray<LakeDocument>, identity: string): LakeDocument[] {
  if (filter === everything) return [...documents]
  const result = evaluateGroqSync(filterTree(filter), { dataset: documents, identity })
  return Array.isArray(result) ? result.filter(isLakeDocument) : []
}

// What `*[filter]` returns over lake documents is lake documents; the check gives them their type.
const isLakeDocument = (value: unknown): value is LakeDocument =>
  typeof value === 'object' &&
  value !== null &&
  '_id' in value &&
  typeof value._id === 'string' &&
  '_type' in value &&
  typeof value._type === 'string'

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
