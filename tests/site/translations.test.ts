// The interface speaks both languages fully: the same phrases in km.json and en.json, each counted
// phrase in exactly the plural forms of its language, numbers through the language's digits, and
// words for every province and content warning the public vocabulary allows.
import { describe, expect, it } from 'vitest'
import { contentWarnings, provinces } from '../../core/index.ts'
import en from '../../site/translations/en.json' with { type: 'json' }
import km from '../../site/translations/km.json' with { type: 'json' }
import { translator } from '../../site/i18n/translator.ts'

const pluralSuffix = /_(zero|one|two|few|many|other)$/
const phrases = (table: Record<string, string>) => [...new Set(Object.keys(table).map((key) => key.replace(pluralSuffix, '')))].sort()

describe('the translations', () => {
  it('have the same phrases in Khmer and English', () => {
    expect(phrases(km)).toEqual(phrases(en))
  })

  it('give each counted phrase exactly the plural forms of its language (Khmer: one; English: one and other)', () => {
    for (const [language, table] of [
      ['km', km],
      ['en', en],
    ] as const) {
      const forms = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort()
      const counted = new Set(
        Object.keys(table)
          .filter((key) => pluralSuffix.test(key))
          .map((key) => key.replace(pluralSuffix, '')),
      )
      for (const phrase of counted) {
        const given = Object.keys(table).filter((key) => key.replace(pluralSuffix, '') === phrase && key !== phrase)
        expect(given.map((key) => key.replace(`${phrase}_`, '')).sort(), `${language} ${phrase}`).toEqual(forms)
      }
    }
  })

  it('say "1 result" and "3 results" in English, and count in Khmer digits in Khmer', () => {
    expect(translator('en')('search.results', { count: 1 })).toBe('1 result')
    expect(translator('en')('search.results', { count: 3 })).toBe('3 results')
    expect(translator('km')('search.results', { count: 12 })).toBe('លទ្ធផល ១២')
    expect(translator('km')('pager.current', { page: 2, pages: 10 })).not.toMatch(/[0-9]/)
  })

  it('write no number in a Khmer phrase with Arabic digits (a name such as A4 aside)', () => {
    expect(Object.entries(km).filter(([, text]) => /(?<![A-Za-z])[0-9]/.test(text))).toEqual([])
  })

  it('name every province and every content warning in both languages', () => {
    const keys = [...provinces.map((p) => `province.${p}`), ...contentWarnings.map((w) => `warning.${w}`)]
    for (const table of [km, en]) expect(keys.filter((key) => !(key in table))).toEqual([])
  })
})
