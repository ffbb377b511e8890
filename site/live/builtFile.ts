// A file of a built site for a request path, as a static host resolves it: `/x/` is `/x/index.html`,
// and nothing outside the build's folder can be reached; a missing page gets the not-found page of
// its language.
import { existsSync, statSync } from 'node:fs'
import { extname, join, resolve, sep } from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
}

export function builtFile(root: string, pathname: string): { path: string; type: string } | null {
  const base = resolve(root)
  let path = resolve(base, `.${pathname}`)
  if (path !== base && !path.startsWith(base + sep)) return null
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html')
  if (!existsSync(path) || !statSync(path).isFile()) return null
  return { path, type: types[extname(path)] ?? 'application/octet-stream' }
}

/** The not-found page for a missing path: English under /en/, Khmer under /km/ and everywhere else. */
export function notFoundFile(root: string, pathname: string): { path: string; type: string } | null {
  const language = /^\/(km|en)\//.exec(pathname)?.[1]
  return (language ? builtFile(root, `/${language}/404/`) : null) ?? builtFile(root, '/404.html')
}
