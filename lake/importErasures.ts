// Erasures hold on import: a backup made before an erasure, imported later, does not bring the
// testimony back. Each erasure record (the dataset's, or one the import brings) leaves out of the
// imported documents what that erasure removed (erasure.ts), before anything is stored; the import
// says how much it left out.
import { z } from 'zod'
import { erasedBy } from './erasure.ts'
import type { LakeDocument } from './mutations/document.ts'

export interface LeftOut {
  /** Erased testimonies of which the import held something. */
  testimonies: number
  documents: number
}

const erasureRecord = z.looseObject({ _type: z.literal('erasureRecord'), testimonyId: z.string().min(1) })

export function withoutErased<T extends LakeDocument>(
  imported: ReadonlyArray<T>,
  existing: ReadonlyArray<LakeDocument>,
): { kept: T[]; leftOut: LeftOut } {
  const erased = new Set(
    [...existing, ...imported].flatMap((d) => {
      const record = erasureRecord.safeParse(d)
      return record.success ? [record.data.testimonyId] : []
    }),
  )
  if (erased.size === 0) return { kept: [...imported], leftOut: { testimonies: 0, documents: 0 } }
  const all = new Map<string, LakeDocument>([...existing, ...imported].map((d) => [d._id, d]))
  const dropped = new Set<string>()
  let testimonies = 0
  for (const testimonyId of erased) {
    const { ids, assets } = erasedBy(testimonyId, [...all.values()])
    const hit = imported.filter((d) => ids.has(d._id) || assets.includes(d._id))
    if (hit.length > 0) testimonies++
    for (const d of hit) dropped.add(d._id)
  }
  return { kept: imported.filter((d) => !dropped.has(d._id)), leftOut: { testimonies, documents: dropped.size } }
}
