// The perspectives of Sanity's query API, built by the lake itself since groq-js has none:
// raw sees every document; published hides drafts and versions; drafts lays each draft over its
// published document (with the published id and `_originalId`, as Sanity answers).
import type { LakeDocument } from '../mutations/document.ts'
import { isDraftId, publishedIdOf, isVersionId } from '../../core/index.ts'

export const perspectives = ['raw', 'published', 'drafts', 'previewDrafts'] as const
export type Perspective = (typeof perspectives)[number]

export const perspectiveViews: Record<Perspective, (documents: ReadonlyArray<LakeDocument>) => ReadonlyArray<LakeDocument>> = {
  // The same array: nothing to hide or lay over, and the query route has already applied its own view.
  raw: (documents) => documents,
  published: (documents) => documents.filter((d) => !isDraftId(d._id) && !isVersionId(d._id)),
  drafts: (documents) => overlayDrafts(documents),
  previewDrafts: (documents) => overlayDrafts(documents),
}

function overlayDrafts(documents: ReadonlyArray<LakeDocument>): LakeDocument[] {
  const byPublishedId = new Map<string, LakeDocument>()
  for (const document of documents) {
    if (isVersionId(document._id)) continue
    const publishedId = publishedIdOf(document._id)
    if (isDraftId(document._id)) byPublishedId.set(publishedId, { ...document, _id: publishedId, _originalId: document._id })
    else if (!byPublishedId.has(publishedId)) byPublishedId.set(publishedId, { ...document, _originalId: document._id })
  }
  return [...byPublishedId.values()]
}
