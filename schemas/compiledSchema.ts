// The schema compiled by Sanity's own compiler, for validating documents outside the Studio.
import { Schema } from '@sanity/schema'
import { builtinTypes } from '@sanity/schema/_internal'
import { schemaTypes } from './schemaTypes.ts'

export function compiledSchema() {
  // The Studio adds Sanity's built-in types (slug, image, asset documents …); so does this.
  return Schema.compile({ name: 'archive', types: [...builtinTypes, ...schemaTypes] })
}
