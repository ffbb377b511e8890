// Reading Sanity-style request values: JSON-encoded `$param` query parameters, booleans, versions.
import { badRequest } from '../errors.ts'
import { parseJson } from './readJson.ts'
import { perspectives, type Perspective } from '../query/perspective.ts'

export function queryParams(url: URL): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of url.searchParams) {
    if (!key.startsWith('$')) continue
    params[key.slice(1)] = parseJson(value, `Parameter "${key}"`, `; encode strings with quotes, e.g. ${key}="value"`)
  }
  return params
}

export function flag(url: URL, name: string): boolean {
  const value = url.searchParams.get(name)
  return value === 'true' || value === '1' || value === ''
}

/** Sanity answers API versions from 2025-02-19 on in the published perspective by default. */
export function perspectiveOf(url: URL, version: string, requested?: unknown): Perspective {
  const value = requested ?? url.searchParams.get('perspective')
  if (value === null || value === undefined || value === '') return version >= 'v2025-02-19' || version === 'vX' ? 'published' : 'raw'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  const first: unknown = Array.isArray(value) ? value[0] : text.split(',')[0]
  const found = perspectives.find((p) => p === first)
  if (!found) throw badRequest(`Perspective "${text}" is not supported; use raw, published or drafts`, 'invalidPerspectiveError')
  return found
}
