// Interface strings through i18next, from translations/<lang>.json; Khmer first, English second.
import i18next, { type TFunction } from 'i18next'
import type { Language } from '../../core/index.ts'
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

export function translator(language: Language): TFunction {
  return instance.getFixedT(language)
}
