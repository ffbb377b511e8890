// The Studio's schema in Khmer: every word a user reads is translated, names and field paths are
// not, and a preview's words (a state's title) are translated as the preview makes them.
import { describe, expect, it } from 'vitest'
import { schemaTypes } from '../../schemas/index.ts'
import { khmerSchemaText, localisedSchemaTypes, schemaWords } from '../../studio/locale/index.ts'

const byName = (types: ReadonlyArray<unknown>, name: string) =>
  types.find((type): type is Record<string, unknown> => typeof type === 'object' && type !== null && Reflect.get(type, 'name') === name)
/** The value at a path of keys in a schema definition, or undefined. */
const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((current, key) => (typeof current === 'object' && current !== null ? Reflect.get(current, key) : undefined), value)

describe('the schema in Khmer', () => {
  it('has Khmer for every title, description and option a user reads, and no word it does not use', () => {
    const words = schemaWords(schemaTypes)
    expect([...words].filter((word) => !(word in khmerSchemaText))).toEqual([])
    const previewWords = ['Untitled testimony']
    expect(Object.keys(khmerSchemaText).filter((key) => !words.has(key) && !previewWords.includes(key))).toEqual([])
  })

  it('translates titles and options but keeps names, values and preview paths', () => {
    const khmer = localisedSchemaTypes(schemaTypes, 'km')
    const testimony = byName(khmer, 'testimony')
    expect(testimony?.title).toBe('សក្ខីកម្ម')
    expect(testimony?.name).toBe('testimony')
    const fields = at(testimony, 'fields')
    const state = Array.isArray(fields) ? fields.find((f) => at(f, 'name') === 'workflowState') : null
    expect(at(state, 'options', 'list')).toContainEqual({
      title: 'រួចរាល់សម្រាប់អានឡើងវិញ',
      value: 'readyForReadBack',
    })
    expect(at(testimony, 'preview', 'select')).toMatchObject({ title: 'publicVersion.title.en' })
  })

  it('shows a testimony’s state in the list in the chosen language', () => {
    const prepare = (language: 'km' | 'en') => {
      const found = at(byName(localisedSchemaTypes(schemaTypes, language), 'testimony'), 'preview', 'prepare')
      if (typeof found !== 'function') throw new Error('the testimony has no preview')
      return (value: unknown): unknown => Reflect.apply(found, undefined, [value])
    }
    const khmer = prepare('km')
    const english = prepare('en')
    expect(khmer({ title: '', km: '', subtitle: 'readyForReadBack' })).toEqual({
      title: 'សក្ខីកម្មគ្មានចំណងជើង',
      subtitle: 'រួចរាល់សម្រាប់អានឡើងវិញ',
    })
    expect(english({ title: 'A title', km: '', subtitle: 'readyForReadBack' })).toEqual({
      title: 'A title',
      subtitle: 'Ready for read-back',
    })
  })

  it('leaves the English schema as it is', () => {
    expect(localisedSchemaTypes(schemaTypes, 'en')).toEqual(schemaTypes)
  })
})
