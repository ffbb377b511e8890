// The schema in the Studio user's language. Sanity has no translation key for most schema words
// (type and field titles, descriptions, option lists), so the Studio builds its schema in the
// chosen language when it loads, and reloads when she chooses another (see LanguageMenu).
import type { InterfaceLanguage } from './archiveText.ts'
import { khmerSchemaText } from './khmerSchemaText.ts'

type Translate = (english: string) => string

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

/**
 * A copy of a schema definition with its words in Khmer; functions, icons and names kept as they
 * are, except a preview's `prepare`, whose title and subtitle (a state's title, "Untitled …") are
 * translated as it returns them.
 */
function translated(value: unknown, translate: Translate): unknown {
  if (Array.isArray(value)) return value.map((item) => translated(item, translate))
  if (!isPlainObject(value)) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if ((key === 'title' || key === 'description') && typeof item === 'string') return [key, translate(item)]
      if (key === 'prepare' && typeof item === 'function') return [key, translatedPrepare(item, translate)]
      // A preview's `select` names fields ({title: 'pseudonym'}), not words.
      if (key === 'select') return [key, item]
      return [key, translated(item, translate)]
    }),
  )
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- a schema's prepare may be any function; it is applied to what Sanity passes it
function translatedPrepare(prepare: Function, translate: Translate) {
  return (...args: unknown[]) => {
    const prepared: unknown = Reflect.apply(prepare, undefined, args)
    if (!isPlainObject(prepared)) return prepared
    const word = (text: unknown) => (typeof text === 'string' ? translate(text) : text)
    return { ...prepared, title: word(prepared.title), subtitle: word(prepared.subtitle) }
  }
}

/** Every word of the schema that a user reads: titles, descriptions, option titles. */
export function schemaWords(value: unknown, words: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) schemaWords(item, words)
  else if (isPlainObject(value))
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'title' || key === 'description') && typeof item === 'string') words.add(item)
      else if (key !== 'select') schemaWords(item, words)
    }
  return words
}

export function localisedSchemaTypes<T>(types: ReadonlyArray<T>, language: InterfaceLanguage): T[] {
  if (language === 'en') return [...types]
  const translate: Translate = (english) => khmerSchemaText[english] ?? english
  return types.map((type) => translated(type, translate) as T)
}
