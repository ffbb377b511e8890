// The public stories, kept in step by the lake itself: after a transaction's own changes and their
// consequences, the public story of each testimony it touches (its published version, its consent
// records, or the story itself) is derived again with the consent core's publicStoryOf and written
// in the same transaction when it differs. Whatever a client sent for a public story (the Studio
// sends it too, for hosted Sanity), what is stored is this derivation, on every write path: the
// API, an import, a script.
import {
  consentDocument,
  publicStoryIdOf,
  publicStoryOf,
  publicStoryType,
  testimonyDocument,
  testimonyIdOfStory,
  isPublishedId,
} from '../core/index.ts'
import type { ConsentDocument } from '../core/index.ts'
import { LakeError } from './errors.ts'
import { referenceOf, shown, type DocumentChange, type LakeDocument } from './mutations/document.ts'

export interface StoryContext {
  transactionId: string
  timestamp: string
  /** A document as stored before the transaction. */
  read(id: string): LakeDocument | null
  /** An import: the public stories it brings are the ones stored before (a backup's, the seed's). */
  restoring?: boolean
}

/** The changes that keep the public stories of the testimonies these changes touch in step with them. */
export function publicStoryChanges(
  changes: ReadonlyArray<DocumentChange>,
  context: StoryContext,
  /** Every document, asked for only when a testimony is touched (a write of anything else reads none). */
  documents: () => ReadonlyArray<LakeDocument>,
): DocumentChange[] {
  const touched = new Set<string>()
  for (const change of changes) {
    const versions = [change.before, change.after].filter((document) => document !== null)
    for (const document of versions) {
      // Only the published version makes the story: a draft's keystrokes need no derivation.
      if (document._type === 'testimony' && isPublishedId(change.id)) touched.add(change.id)
      const testimonyId = document._type === 'consentRecord' ? referenceOf(document.testimony) : null
      if (testimonyId) touched.add(testimonyId)
    }
    const types = versions.map((document) => document._type)
    if (testimonyIdOfStory(change.id) || types.includes(publicStoryType)) touched.add(storyTestimony(change.id, types))
  }
  return touched.size === 0 ? [] : derive([...touched], changes, context, documents())
}

/**
 * The public stories of a lake opened on data written before there were public stories: those of its
 * published testimonies that have none (every write since derives them, so the others are in step).
 */
export function missingPublicStories(documents: ReadonlyArray<LakeDocument>, context: StoryContext): DocumentChange[] {
  const stored = new Set(documents.filter((d) => d._type === publicStoryType).map((d) => d._id))
  const ids = documents
    .filter((d) => d._type === 'testimony' && isPublishedId(d._id))
    .map((d) => d._id)
    .filter((id) => !stored.has(publicStoryIdOf(id)))
  return ids.length === 0 ? [] : derive(ids, [], context, documents)
}

/** A public story is stored only under its testimony's story id, never as a draft, and that id holds nothing else. */
function storyTestimony(id: string, types: ReadonlyArray<string>): string {
  const testimonyId = testimonyIdOfStory(id)
  if (testimonyId && types.every((type) => type === publicStoryType)) return testimonyId
  throw new LakeError(
    409,
    'publicStoryError',
    `Document ${shown(id)} (${types.join(', ')}) can not be written: a public story is written by publishing its testimony, as "publicStory-<testimony id>" of type publicStory, never as a draft; publish, withdraw or record an approval instead`,
    { id },
  )
}

function derive(
  testimonyIds: ReadonlyArray<string>,
  changes: ReadonlyArray<DocumentChange>,
  context: StoryContext,
  documents: ReadonlyArray<LakeDocument>,
): DocumentChange[] {
  const written = new Map(changes.map((change) => [change.id, change.after]))
  const current = (id: string) => (written.has(id) ? (written.get(id) ?? null) : context.read(id))
  const consents = consentsByTestimony(new Set(testimonyIds), changes, documents)
  return testimonyIds.flatMap((testimonyId): DocumentChange[] => {
    const storyId = publicStoryIdOf(testimonyId)
    // The story as stored before the transaction: what a client writes in it has no say.
    const stored = context.read(storyId)
    const before = context.restoring && written.has(storyId) ? current(storyId) : stored
    const previous = before?._type === publicStoryType ? before : null
    const publishedVersion = current(testimonyId)
    const published = publishedVersion?._type === 'testimony' ? testimonyDocument.safeParse(publishedVersion) : null
    const derived = publicStoryOf({
      testimonyId,
      published: published?.success ? published.data : null,
      consents: consents.get(testimonyId) ?? [],
      previous,
    })
    if (!derived) return previous || written.has(storyId) ? [{ id: storyId, before: stored, after: null }] : []
    const now = current(storyId)
    if (now && sameContent(now, derived)) return []
    const after = {
      ...derived,
      _createdAt: previous?._createdAt ?? context.timestamp,
      _updatedAt: context.timestamp,
      _rev: context.transactionId,
    }
    return [{ id: storyId, before: stored, after }]
  })
}

/** The consent records of these testimonies as the transaction leaves them, parsed once. */
function consentsByTestimony(
  testimonyIds: ReadonlySet<string>,
  changes: ReadonlyArray<DocumentChange>,
  documents: ReadonlyArray<LakeDocument>,
): Map<string, ConsentDocument[]> {
  const records = new Map<string, LakeDocument>()
  const isOurs = (document: LakeDocument | null) =>
    document?._type === 'consentRecord' && testimonyIds.has(referenceOf(document.testimony) ?? '')
  for (const document of documents) if (isOurs(document)) records.set(document._id, document)
  for (const change of changes) {
    if (change.after && isOurs(change.after)) records.set(change.id, change.after)
    else records.delete(change.id)
  }
  const byTestimony = new Map<string, ConsentDocument[]>()
  for (const record of records.values()) {
    const parsed = consentDocument.safeParse(record)
    if (!parsed.success) continue
    byTestimony.set(parsed.data.testimony._ref, [...(byTestimony.get(parsed.data.testimony._ref) ?? []), parsed.data])
  }
  return byTestimony
}

const system = new Set(['_rev', '_createdAt', '_updatedAt'])
/** The same fields and values, system fields and key order aside. */
function sameContent(a: LakeDocument, b: object): boolean {
  const canonical = (value: unknown, top = false): unknown =>
    Array.isArray(value)
      ? value.map((item) => canonical(item))
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([key]) => !(top && system.has(key)))
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([key, inner]) => [key, canonical(inner)]),
          )
        : value
  return JSON.stringify(canonical(a, true)) === JSON.stringify(canonical(b, true))
}
