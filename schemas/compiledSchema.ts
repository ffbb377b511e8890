// The schema compiled by Sanity's own compiler, for validating documents outside the Studio.
import { Schema } from '@sanity/schema'
import { schemaTypes } from './schemaTypes.ts'

export function compiledSchema() {
  return Schema.compile({ name: 'archive', types: schemaTypes })
}
