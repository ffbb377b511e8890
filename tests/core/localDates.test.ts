// One formatter of numbers and days for both languages: Khmer digits and month names on Khmer
// pages, with Cambodia's Buddhist Era beside the common era, turning the day after Visak Bochea.
import { describe, expect, it } from 'vitest'
import { buddhistEraYear, localDate, localDigits, localNumber, localYears, visakBochea, visakBocheaYears } from '../../core/index.ts'

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000

describe('numbers in the page’s language', () => {
  it('writes counts, years and paragraph numbers with Khmer digits in Khmer and Arabic digits in English', () => {
    expect(localNumber(1, 'km')).toBe('១')
    expect(localNumber(1977, 'km')).toBe('១៩៧៧')
    expect(localNumber(24, 'en')).toBe('24')
    expect(localDigits('Page 3 of 10', 'km')).toBe('Page ៣ of ១០')
  })

  it('writes a period as a span of years, or one year when it begins and ends in the same', () => {
    expect(localYears(1976, 1977, 'km')).toBe('១៩៧៦–១៩៧៧')
    expect(localYears(1975, 1975, 'en')).toBe('1975')
    expect(localYears(null, 1979, 'en')).toBe('1979')
  })
})

describe('days in the page’s language', () => {
  it('writes a day in English day first, with the month’s name', () => {
    expect(localDate('2026-11-29', 'en')).toBe('29 November 2026')
    expect(localDate('2026-03-01', 'en')).toBe('1 March 2026')
  })

  it('writes a day in Khmer with Khmer digits and month name, and the Buddhist Era beside it', () => {
    expect(localDate('2026-11-29', 'km')).toBe('ថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២៦ (ព.ស. ២៥៧០)')
    expect(localDate('2026-03-01', 'km')).toBe('ថ្ងៃទី១ ខែមីនា ឆ្នាំ២០២៦ (ព.ស. ២៥៦៩)')
    expect(localDate('2026-11-29', 'km')).not.toMatch(/[0-9]/)
  })

  it('leaves a value that is not a day as it is', () => {
    expect(localDate('soon', 'km')).toBe('soon')
    expect(localDate('2026-13-01', 'en')).toBe('2026-13-01')
  })
})

describe('Cambodia’s Buddhist Era', () => {
  it('turns the day after Visak Bochea, not on 1 January (22 May 2024 was Visak Bochea)', () => {
    expect(buddhistEraYear('2024-05-22')).toBe(2567)
    expect(buddhistEraYear('2024-05-23')).toBe(2568)
    expect(buddhistEraYear('2024-12-31')).toBe(2568)
    expect(buddhistEraYear('2025-01-01')).toBe(2568)
    expect(buddhistEraYear('2025-05-11')).toBe(2568)
    expect(buddhistEraYear('2025-05-12')).toBe(2569)
  })

  it('is not the Thai era (CE + 543 from 1 January) after Visak Bochea', () => {
    expect(buddhistEraYear('2025-06-01')).toBe(2025 + 544)
    expect(buddhistEraYear('2025-02-01')).toBe(2025 + 543)
  })

  it('has a Visak Bochea in April or May of every year of its table, one lunar year (12 or 13 months) after the last', () => {
    let previous: string | null = null
    for (let year = visakBocheaYears.from; year <= visakBocheaYears.to; year++) {
      const day = visakBochea(year)
      expect(day, String(year)).toMatch(new RegExp(`^${year}-0[45]-\\d\\d$`))
      if (previous && day) expect([354, 355, 383, 384], `${previous} to ${day}`).toContain(dayNumber(day) - dayNumber(previous))
      previous = day
    }
  })

  it('is not guessed outside its table: the date is written without it', () => {
    expect(buddhistEraYear('1999-06-01')).toBeNull()
    expect(localDate('1999-06-01', 'km')).toBe('ថ្ងៃទី១ ខែមិថុនា ឆ្នាំ១៩៩៩')
  })
})
