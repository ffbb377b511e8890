// Picking this project's words for the Studio user's language: Khmer for the km-KH locale,
// English otherwise. Plain functions, so the desk structure and React components share them.
import { englishText, type ArchiveTextKey } from './englishText.ts'
import { khmerText } from './khmerText.ts'

export type InterfaceLanguage = 'en' | 'km'
export type ArchiveT = (key: ArchiveTextKey, values?: Record<string, string>) => string

export const khmerLocaleId = 'km-KH'

export function interfaceLanguage(localeId: string): InterfaceLanguage {
  return localeId.startsWith('km') ? 'km' : 'en'
}

export function archiveText(localeId: string): ArchiveT {
  const table: Record<ArchiveTextKey, string> = interfaceLanguage(localeId) === 'km' ? khmerText : englishText
  return (key, values = {}) => table[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole)
}
