// Which language the Studio opens in for this person. Sanity keeps the choice in the browser
// (localStorage, per project and workspace) and starts a new browser in the last locale listed,
// Khmer; the archive also keeps it with her account (Sanity's per-user key-value store), so that
// her language follows her to another computer.
import { interfaceLanguage, khmerLocaleId, type InterfaceLanguage } from './archiveText.ts'

export const workspaceName = 'archive'
export const englishLocaleId = 'en-US'
export const studioLocaleIds = [englishLocaleId, khmerLocaleId] as const
/** The key under which her choice is kept with her account. */
export const localePreferenceKey = 'archive.locale'

export function localeStorageKey(projectId: string): string {
  return `sanity-locale:${projectId}:${workspaceName}`
}

export function isStudioLocaleId(value: unknown): value is (typeof studioLocaleIds)[number] {
  return studioLocaleIds.some((id) => id === value)
}

/** The language the Studio opens in: her stored choice, else Khmer. */
export function openingLanguage(projectId: string, storage: Pick<Storage, 'getItem'> | null): InterfaceLanguage {
  const stored = storage?.getItem(localeStorageKey(projectId))
  return interfaceLanguage(isStudioLocaleId(stored) ? stored : khmerLocaleId)
}

/** The browser's storage, when there is one (not while the Studio is built). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}
