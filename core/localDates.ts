// Calendar days as each language writes them, one formatter for the site and the read-back sheet:
// "29 November 2026" in English; in Khmer, Khmer digits and month names with Cambodia's Buddhist
// Era beside the common era, "ថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២៦ (ព.ស. ២៥៧០)".
import type { Language } from './languages.ts'
import { localDigits } from './localNumbers.ts'
import { buddhistEraYear } from './visakBochea.ts'

const monthNames: Record<Language, ReadonlyArray<string>> = {
  km: ['មករា', 'កុម្ភៈ', 'មីនា', 'មេសា', 'ឧសភា', 'មិថុនា', 'កក្កដា', 'សីហា', 'កញ្ញា', 'តុលា', 'វិច្ឆិកា', 'ធ្នូ'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}

/** A day (YYYY-MM-DD) in words; a value that is not such a day is returned as it is. */
export function localDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  const month = match ? monthNames[language][Number(match[2]) - 1] : undefined
  if (!match || !month) return isoDate
  const [year, day] = [match[1] ?? '', String(Number(match[3]))]
  if (language === 'en') return `${day} ${month} ${year}`
  const era = buddhistEraYear(isoDate)
  const written = `ថ្ងៃទី${localDigits(day, 'km')} ខែ${month} ឆ្នាំ${localDigits(year, 'km')}`
  // Outside the table of Visak Bochea days the era is left out rather than guessed.
  return era === null ? written : `${written} (ព.ស. ${localDigits(era, 'km')})`
}
