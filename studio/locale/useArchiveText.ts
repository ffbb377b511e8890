// The hook the Studio's components use for this project's words in the signed-in user's language.
import { useCurrentLocale } from 'sanity'
import { archiveText, interfaceLanguage, type ArchiveT, type InterfaceLanguage } from './archiveText.ts'

export function useArchiveText(): { t: ArchiveT; language: InterfaceLanguage } {
  const locale = useCurrentLocale()
  return { t: archiveText(locale.id), language: interfaceLanguage(locale.id) }
}
