// text::query(), as the Studio's document lists and search send it.
import { describe, expect, it } from 'vitest'
import { runQuerySync } from '../../lake/query/runQuery.ts'
import { matchPatterns } from '../../lake/query/textQuery.ts'

const documents = [
  { _id: 'theme-1', _type: 'theme', title: { en: 'Forced marriage', km: 'ការរៀបការដោយបង្ខំ' } },
  { _id: 'theme-2', _type: 'theme', title: { en: 'Prisons and camps' } },
  { _id: 'drafts.theme-3', _type: 'theme', title: { en: 'Violence today' } },
]
const studioList =
  '*[_type in $__types && ([@, _id] match text::query($__query) || references($__rawQuery))] {_type, _id} | order(_id asc) [0...$__limit]'
const run = (query: string, params: Record<string, unknown>, perspective: 'raw' | 'drafts' = 'drafts') =>
  runQuerySync({ query, params, perspective, documents })

describe('text::query', () => {
  it('lists every document for the Studio’s "*" query', () => {
    const result = run(studioList, { __types: ['theme'], __query: '*', __rawQuery: '', __limit: 100 })
    expect(result).toEqual([
      { _type: 'theme', _id: 'theme-1' },
      { _type: 'theme', _id: 'theme-2' },
      { _type: 'theme', _id: 'theme-3' },
    ])
  })

  it('finds a document by a word of its text, the last word as a prefix', () => {
    expect(run(studioList, { __types: ['theme'], __query: 'forc', __rawQuery: '', __limit: 100 })).toEqual([
      { _type: 'theme', _id: 'theme-1' },
    ])
    expect(run(studioList, { __types: ['theme'], __query: 'prisons camp', __rawQuery: '', __limit: 100 })).toEqual([
      { _type: 'theme', _id: 'theme-2' },
    ])
  })

  it('never shows the text it searched in a result', () => {
    const result = run('*[[@, _id] match text::query("forced")]{...}', {})
    expect(result).toEqual([documents[0] && { ...documents[0], _originalId: 'theme-1' }])
  })

  it('reads what a reader typed as patterns', () => {
    expect(matchPatterns('  ')).toEqual(['*'])
    expect(matchPatterns('forced marr')).toEqual(['forced', 'marr*'])
    expect(matchPatterns('camp -prison')).toEqual(['camp*'])
  })
})
