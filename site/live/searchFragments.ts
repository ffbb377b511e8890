// Which Pagefind fragment files belong to which story, read from a build: the live site stops
// serving a withdrawn story's fragments at once, so the search finds nothing of it any more.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { z } from 'zod'

const fragment = z.looseObject({ url: z.string() })
const storyUrl = /\/stories\/([a-z0-9]+(?:-[a-z0-9]+)*)\//

export function storyFragments(outDir: string): Map<string, Set<string>> {
  const folder = join(outDir, 'pagefind', 'fragment')
  const bySlug = new Map<string, Set<string>>()
  let files: string[] = []
  try {
    files = readdirSync(folder)
  } catch {
    return bySlug
  }
  for (const file of files) {
    // A fragment is gzipped JSON after Pagefind's signature ("pagefind_dcd").
    const text = gunzipSync(readFileSync(join(folder, file))).toString('utf8')
    const parsed = fragment.safeParse(JSON.parse(text.slice(text.indexOf('{'))))
    const slug = parsed.success ? storyUrl.exec(parsed.data.url)?.[1] : undefined
    if (!slug) continue
    const set = bySlug.get(slug) ?? new Set<string>()
    set.add(file)
    bySlug.set(slug, set)
  }
  return bySlug
}
