// Who may load an image or a file: a token that may read a document using it (or a writer who may
// read a new upload no document uses yet, which the Studio previews); without a token, anyone, when
// a published public document other than a public story uses it. One rule, for serving the bytes
// and for signing the addresses handed to a reader.
import type { Access } from '../auth/access.ts'
import { sharesAssetsPublicly } from '../auth/roles.ts'
import type { LakeDocument } from '../mutations/document.ts'

export type AssetVerdict = 'allowed' | 'notForThisToken' | 'notPublic'

/** `using` is every document referring to the asset (lazily: a role reading everything needs none of them). */
export function assetVerdict(asset: LakeDocument, using: () => ReadonlyArray<LakeDocument>, access: Access | null): AssetVerdict {
  if (access?.readsAll) return 'allowed'
  const users = using()
  if (access) {
    if (users.some((document) => access.mayLoadAssetsOf(document))) return 'allowed'
    if (users.length === 0 && !access.readOnly && access.canRead(asset)) return 'allowed'
    return 'notForThisToken'
  }
  return users.some(sharesAssetsPublicly) ? 'allowed' : 'notPublic'
}
