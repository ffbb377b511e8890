// Picks the reader's language from a bilingual text, or the other one marked with its own `lang`.
import type { Language } from '../../core/index.ts'
import type { LocalisedText } from '../content/localisedText.ts'
import { otherLanguage } from './routes.ts'

export interface Passage {
  text: string
  lang: Language
}

export function inLanguage(text: LocalisedText | null | undefined, language: Language): Passage | null {
  const own = text?.[language]
  if (own) return { text: own, lang: language }
  const other = otherLanguage(language)
  const fallback = text?.[other]
  return fallback ? { text: fallback, lang: other } : null
}

export function listIn(list: { km?: string[] | null; en?: string[] | null } | null | undefined, language: Language) {
  const own = list?.[language]
  if (own && own.length > 0) return { items: own, lang: language }
  const other = otherLanguage(language)
  return { items: list?.[other] ?? [], lang: other }
}
