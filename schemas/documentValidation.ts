// Validates documents against the archive schema with Sanity's own validator (the rules the Studio
// shows), outside the Studio: for the seed, imports and the lake.
import { createClient } from '@sanity/client'
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

// Custom rules in this schema read only the document, so the client is never asked for data; the
// validator requires one to run custom rules at all. It points nowhere and is never called.
const offlineClient = createClient({ projectId: 'offline', dataset: 'offline', apiVersion: '2025-02-19', useCdn: false })

export async function validateArchiveDocuments(documents: ReadonlyArray<SanityDocument>): Promise<DocumentProblem[]> {
  const schema = compiledSchema()
  const ids = new Set(documents.map((d) => d._id))
  const problems: DocumentProblem[] = []
  for (const document of documents) {
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
      client: offlineClient,
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
