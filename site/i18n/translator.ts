// Interface strings through i18next, from translations/<lang>.json; Khmer first, English second.
// `{{n, local}}` writes a number in the language's digits, `{{d, day}}` a day in its words (core's
// formatter); plurals are i18next's (`key_one`, `key_other`: Khmer has only `other`).
import i18next, { type TFunction } from 'i18next'
import { localDate, localDigits, type Language } from '../../core/index.ts'
import en from '../translations/en.json' with { type: 'json' }
import km from '../translations/km.json' with { type: 'json' }

const instance = i18next.createInstance()
void instance.init({
  lng: 'km',
  fallbackLng: 'en',
  resources: { km: { translation: km }, en: { translation: en } },
  initAsync: false,
  interpolation: { escapeValue: false },
  keySeparator: false,
})
const languageOf = (lng: string | undefined): Language => (lng === 'en' ? 'en' : 'km')
instance.services.formatter?.add('local', (value: unknown, lng) => localDigits(String(value), languageOf(lng)))
instance.services.formatter?.add('day', (value: unknown, lng) => localDate(String(value), languageOf(lng)))

export function translator(language: Language): TFunction {
  return instance.getFixedT(language)
}

/**
 * A counted phrase in each plural form of the language, with `{{count}}` left for a script to fill
 * (the search page counts in the browser): the same forms i18next would choose from (Intl.PluralRules).
 */
export function pluralForms(language: Language, key: string): Record<string, string> {
  const t = translator(language)
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories
  return Object.fromEntries(forms.map((form) => [form, t(`${key}_${form}`, { count: '{{count}}' })]))
}
