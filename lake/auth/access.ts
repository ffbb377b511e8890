// What one user may read and write, from her role's GROQ-filter grants.
import { evaluateSync, parse, toJS, type ExprNode } from 'groq-js'
import type { LakeDocument } from '../mutations/document.ts'
import { roleGrants } from './roles.ts'
import type { LakeUser } from './tokenStore.ts'

export interface Access {
  user: LakeUser
  canRead(document: LakeDocument): boolean
  canWrite(document: LakeDocument): boolean
  readable(documents: ReadonlyArray<LakeDocument>): ReadonlyArray<LakeDocument>
  /** What of a readable document this user is shown (a role may see part of some documents). */
  view(document: LakeDocument): LakeDocument
  /** The user may load the images and files this document uses (it is readable and its role allows). */
  mayLoadAssetsOf(document: LakeDocument): boolean
  readOnly: boolean
  /** The role may read every document (no read filter). */
  readsAll: boolean
}

const compiled = new Map<string, ExprNode>()
function filterTree(filter: string): ExprNode {
  let tree = compiled.get(filter)
  if (!tree) {
    tree = parse(`*[${filter}]`)
    compiled.set(filter, tree)
  }
  return tree
}

function selects(filter: string | null, documents: ReadonlyArray<LakeDocument>, identity: string): LakeDocument[] {
  if (filter === null) return [...documents]
  const result = toJS(evaluateSync(filterTree(filter), { dataset: documents, identity }))
  return Array.isArray(result) ? result : []
}

export function accessFor(user: LakeUser): Access {
  const grants = roleGrants[user.role]
  const write = grants.write
  return {
    user,
    readOnly: write === 'none',
    readsAll: grants.read === null,
    canRead: (document) => grants.read === null || selects(grants.read, [document], user.id).length === 1,
    canWrite: (document) => write !== 'none' && (write === null || selects(write, [document], user.id).length === 1),
    readable: (documents) =>
      grants.read === null
        ? documents
        : grants.view
          ? selects(grants.read, documents, user.id).map(grants.view)
          : selects(grants.read, documents, user.id),
    view: grants.view ?? ((document) => document),
    mayLoadAssetsOf: (document) =>
      (grants.read === null || selects(grants.read, [document], user.id).length === 1) && (grants.assetsOf?.(document) ?? true),
  }
}
