// Which Pagefind fragment file holds which page, read by the build right after Pagefind wrote them:
// Pagefind names a fragment by a hash of its content and its Node API does not say which, so each
// fragment's page address is read from it (gzipped JSON after Pagefind's signature) once, here,
// and the build's report carries the answer to the live site.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { z } from 'zod'

const fragment = z.looseObject({ url: z.string() })

/** The fragment file names of an index folder (`<outDir>/pagefind`), by page address. */
export function fragmentFilesByUrl(pagefindDir: string): Map<string, string[]> {
  const folder = join(pagefindDir, 'fragment')
  const byUrl = new Map<string, string[]>()
  // An index of no page (a site with nothing to search) has no fragment folder.
  if (!existsSync(folder)) return byUrl
  for (const file of readdirSync(folder)) {
    const text = gunzipSync(readFileSync(join(folder, file))).toString('utf8')
    const parsed = fragment.safeParse(JSON.parse(text.slice(text.indexOf('{'))))
    if (!parsed.success) throw new Error(`Pagefind's fragment ${file} names no page; the build can not tell whose it is`)
    byUrl.set(parsed.data.url, [...(byUrl.get(parsed.data.url) ?? []), file])
  }
  return byUrl
}
