// Case records are never deleted through the API, by anyone: a transaction that would leave a
// testimony, a consent record or a survivor record with neither a draft nor a published version is
// refused. Publishing (the draft goes, the published version comes) is not a deletion; the
// administrator's erase (/data/erase, with its erasure record) is the only way to remove them.
import { LakeError } from './errors.ts'
import type { DocumentChange } from './mutations/document.ts'
import type { DocumentIndex } from './query/candidates.ts'
import { draftIdOf, publishedIdOf, isVersionId } from '../core/index.ts'

const reasons = new Map([
  ['testimony', 'a testimony is never deleted; an administrator erases it with its records, or record a withdrawal'],
  [
    'consentRecord',
    'a consent record is never deleted; record a withdrawal on it, or record a new approval, or an administrator erases its testimony with its records',
  ],
  ['survivor', 'a survivor record is never deleted; it stays with her testimonies, which an administrator can erase'],
])

export function caseRecordGuard(changes: ReadonlyArray<DocumentChange>, stored: DocumentIndex): void {
  for (const change of changes) {
    const type = change.before?._type ?? ''
    const reason = reasons.get(type)
    if (!reason || change.after?._type === type || isVersionId(change.id)) continue
    const kept = (id: string) => {
      const after = changes.find((c) => c.id === id)
      return ((after ? after.after : stored.get(id))?._type ?? null) === type
    }
    const id = publishedIdOf(change.id)
    if (kept(id) || kept(draftIdOf(id))) continue
    throw new LakeError(409, 'caseRecordDeletionError', `Document "${id}" (${type}) can not be deleted: ${reason}.`, { id })
  }
}
