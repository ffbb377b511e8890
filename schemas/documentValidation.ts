// Validates documents against the archive schema with Sanity's own validator (the rules the Studio
// shows), outside the Studio: for the seed, imports and the lake.
import type { SanityClient } from '@sanity/client'
import type { SanityDocument } from '@sanity/types'
import { validateDocument } from '@sanity/validation'
import { compiledSchema } from './compiledSchema.ts'

export interface DocumentProblem {
  id: string
  type: string
  path: string
  level: 'error' | 'warning' | 'info'
  message: string
}

/**
 * Validates documents the way the Studio does. Rules that look at other documents (a slug must be
 * unique) ask `client`, which must reach the dataset the documents are in: the lake or hosted Sanity.
 */
export async function validateArchiveDocuments(documents: ReadonlyArray<SanityDocument>, client: SanityClient): Promise<DocumentProblem[]> {
  const schema = compiledSchema()
  const ids = new Set(documents.map((d) => d._id))
  const problems: DocumentProblem[] = []
  for (const document of documents) {
    // A public story is derived by the consent core, never typed, and checked with its zod shape wherever it is read.
    if (document._type === 'publicStory') continue
    if (!schema.get(document._type)) {
      problems.push({
        id: document._id,
        type: document._type,
        path: '',
        level: 'error',
        message: `Unknown document type "${document._type}"`,
      })
      continue
    }
    const result = await validateDocument({
      document,
      schema,
      client,
      customValidation: true,
      getDocumentExists: async ({ id }) => ids.has(id),
    })
    for (const marker of result.markers) {
      problems.push({
        id: document._id,
        type: document._type,
        path: marker.path.map((segment) => (typeof segment === 'object' ? JSON.stringify(segment) : String(segment))).join('.'),
        level: marker.level,
        message: marker.message,
      })
    }
  }
  return problems
}
