// The interface speaks both languages fully: the same keys in km.json and en.json, and words for
// every province and content warning the public vocabulary allows.
import { describe, expect, it } from 'vitest'
import { contentWarnings, provinces } from '../../core/index.ts'
import en from '../../site/translations/en.json' with { type: 'json' }
import km from '../../site/translations/km.json' with { type: 'json' }

describe('the translations', () => {
  it('have the same keys in Khmer and English', () => {
    expect(Object.keys(km).sort()).toEqual(Object.keys(en).sort())
  })

  it('name every province and every content warning in both languages', () => {
    const keys = [...provinces.map((p) => `province.${p}`), ...contentWarnings.map((w) => `warning.${w}`)]
    for (const table of [km, en]) expect(keys.filter((key) => !(key in table))).toEqual([])
  })
})
