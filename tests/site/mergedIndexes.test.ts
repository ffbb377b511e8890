// The lists of indexes the search page merges (site/search/mergedIndexes.ts): by language, only
// addresses of this site's parts and additions read from them, whatever else a list holds.
import { describe, expect, it } from 'vitest'
import { indexesInLanguage, listedByLanguage } from '../../site/search/mergedIndexes.ts'

describe('the lists of indexes the search page merges', () => {
  it('list each index under each language it holds, and none under a language it lacks', () => {
    const list = listedByLanguage([
      { path: '/pagefind-additions/rice/', languages: ['en'] },
      { path: '/pagefind-additions/well/', languages: ['km', 'en'] },
    ])
    expect(indexesInLanguage(list, 'km')).toEqual(['/pagefind-additions/well/'])
    expect(indexesInLanguage(list, 'en')).toEqual(['/pagefind-additions/rice/', '/pagefind-additions/well/'])
    expect(listedByLanguage([])).toEqual({})
  })

  it('read only this site’s parts and additions from a list, and nothing from a list of another form', () => {
    const list = {
      km: [
        '/pagefind-part-2/',
        'https://elsewhere.example/pagefind/',
        '/pagefind/',
        '/pagefind-additions/../x/',
        7,
        '/pagefind-additions/new-1/',
      ],
    }
    expect(indexesInLanguage(list, 'km')).toEqual(['/pagefind-part-2/', '/pagefind-additions/new-1/'])
    expect(indexesInLanguage(list, 'en')).toEqual([])
    // The additions' list before it was by language, or one that could not be read.
    expect(indexesInLanguage(['/pagefind-additions/rice/'], 'km')).toEqual([])
    expect(indexesInLanguage(null, 'km')).toEqual([])
    expect(indexesInLanguage('{}', 'km')).toEqual([])
  })
})
