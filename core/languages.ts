// The languages a testimony can be published in; Khmer first, as readers see it.
export const publicLanguages = ['km', 'en'] as const
export type Language = (typeof publicLanguages)[number]

export const languageNames: Record<Language, string> = {
  km: 'Khmer',
  en: 'English',
}
