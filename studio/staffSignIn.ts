// Signing in to the Studio on the lake: Sanity's own login screen, offered the archive's sign-in
// (the lake's /auth/providers), which it opens at once when nobody is signed in. And sign-out that
// reaches the lake: Sanity sends /auth/logout with the token the page had when it loaded, which
// after a sign-in in the same page is none, so the lake could not end the session.
import type { AuthConfig } from 'sanity'
import { archiveText, localeStorageKey } from './locale/index.ts'

const tokenKey = (projectId: string) => `__studio_auth_token_${projectId}`

function storedToken(projectId: string): string | null {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(tokenKey(projectId)) ?? 'null')
    const token: unknown = stored && typeof stored === 'object' ? Reflect.get(stored, 'token') : null
    return typeof token === 'string' ? token : null
  } catch {
    return null
  }
}

/** The Studio's sign-in on the lake: the archive's button, titled in the person's chosen language. */
export function lakeSignIn(projectId: string): AuthConfig {
  return {
    loginMethod: 'token',
    // The archive has one way in; a second screen before it would only be one more click.
    redirectOnSingle: true,
    providers: (fromLake) => {
      const chosen = typeof window === 'undefined' ? null : window.localStorage.getItem(localeStorageKey(projectId))
      // Before anyone chose a language, the lake's title says it in Khmer and English.
      return chosen ? fromLake.map((provider) => ({ ...provider, title: archiveText(chosen)('signIn.provider') })) : fromLake
    },
  }
}

const isSignOut = (url: string, lakeHost: string, method: string | undefined) => {
  const parsed = new URL(url, window.location.href)
  return method?.toUpperCase() === 'POST' && parsed.port === new URL(lakeHost).port && /\/auth\/logout$/.test(parsed.pathname)
}

/** Adds the signed-in token to Sanity's sign-out request to the lake when Sanity sent none. */
export function installSignOutToken(lakeHost: string, projectId: string): void {
  if (typeof window === 'undefined' || Reflect.get(window, '__lakeSignOutToken')) return
  Reflect.set(window, '__lakeSignOutToken', true)
  const originalFetch = window.fetch.bind(window)
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
    const token = isSignOut(url, lakeHost, method) ? storedToken(projectId) : null
    if (!token) return originalFetch(input, init)
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
    if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`)
    return originalFetch(input, { ...init, headers })
  }
}
