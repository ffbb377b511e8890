// Numbers as a page in each language writes them: Khmer digits (០–៩) on Khmer pages, Arabic digits
// on English ones. Phone numbers are written as the programme writes them, so they never pass here.
import type { Language } from './languages.ts'

const khmerDigits = '០១២៣៤៥៦៧៨៩'

/** The text with each ASCII digit written in Khmer (for Khmer) or left as it is (for English). */
export function localDigits(text: string | number, language: Language): string {
  const written = String(text)
  return language === 'km' ? written.replace(/[0-9]/g, (digit) => khmerDigits[Number(digit)] ?? digit) : written
}

/** A count, a year or a paragraph number in the page's language. */
export function localNumber(value: number, language: Language): string {
  return localDigits(Number.isInteger(value) ? String(value) : value.toFixed(1), language)
}

/** A span of years such as a story's period: "1976–1979" or "១៩៧៦–១៩៧៩"; one year if both are the same. */
export function localYears(from: number | null, to: number | null, language: Language): string {
  const years = [from, to].filter((year): year is number => year !== null)
  return [...new Set(years)].map((year) => localNumber(year, language)).join('–')
}
