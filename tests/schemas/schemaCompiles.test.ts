import { groupProblems, validateSchema } from '@sanity/schema/_internal'
import { describe, expect, it } from 'vitest'
import { compiledSchema, privateTypes, publicTypes, schemaTypes } from '../../schemas/index.ts'

describe('the archive schema', () => {
  it('compiles with Sanity’s own schema compiler without an error or a warning', () => {
    const problems = groupProblems(validateSchema(schemaTypes).getTypes()).flatMap((group) =>
      group.problems.map(
        (problem) => `${group.path.map((p) => ('name' in p ? p.name : '')).join('.')}: ${problem.severity} ${problem.message}`,
      ),
    )
    expect(problems).toEqual([])
  })

  it('has every document type either private or public, never both', () => {
    const documentTypes = schemaTypes.filter((type) => type.type === 'document').map((type) => type.name)
    const classified = [...privateTypes, ...publicTypes]
    expect([...classified].sort()).toEqual([...documentTypes].sort())
    expect(new Set(classified).size).toBe(classified.length)
  })

  it('keeps the fields the consent rules read', () => {
    const schema = compiledSchema()
    const fieldsOf = (name: string) => (schema.get(name)?.fields ?? []).map((field: { name: string }) => field.name)
    expect(fieldsOf('testimony')).toEqual(
      expect.arrayContaining([
        'title',
        'body',
        'hopes',
        'publicVersion',
        'slug',
        'themes',
        'period',
        'province',
        'contentWarnings',
        'ceremony',
      ]),
    )
    expect(fieldsOf('consentRecord')).toEqual(
      expect.arrayContaining(['testimony', 'scopes', 'dateGiven', 'reviewDate', 'approvedText', 'approvedPublicText', 'withdrawals']),
    )
  })
})
