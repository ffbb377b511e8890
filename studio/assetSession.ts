// Images in the Studio load through <img>, which can not send the lake token. On start, and when
// the token arrives, the Studio trades it for a session cookie on the lake's host (see
// lake/auth/assetSessions.ts), so previews of private images load for the signed-in user only.
import { apiVersionPath } from '../core/index.ts'
const tokenKey = (projectId: string) => `__studio_auth_token_${projectId}`

function currentToken(projectId: string): string | null {
  const fromHash = /[#&]token=([^&]+)/.exec(window.location.hash)?.[1]
  if (fromHash) return decodeURIComponent(fromHash)
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(tokenKey(projectId)) ?? 'null')
    const token: unknown = stored && typeof stored === 'object' ? Reflect.get(stored, 'token') : null
    return typeof token === 'string' ? token : null
  } catch {
    return null
  }
}

export function openAssetSession(lakeHost: string, projectId: string): void {
  if (typeof window === 'undefined') return
  let opened: string | null = null
  const open = () => {
    const token = currentToken(projectId)
    if (!token || token === opened) return
    opened = token
    fetch(`${lakeHost}${apiVersionPath}/auth/asset-session`, {
      method: 'POST',
      credentials: 'include',
      headers: { Authorization: `Bearer ${token}` },
    }).catch(() => {
      opened = null
    })
  }
  open()
  // The token reaches localStorage a moment after sign-in; look again a few times.
  for (const delay of [1000, 3000, 10_000]) window.setTimeout(open, delay)
  window.addEventListener('storage', open)
}
