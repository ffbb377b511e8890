// The HTML pages Astro wrote into a build, read once after it: for the sitemap (which may be
// indexed) and for the build's report (which stories' cards each shows). The cards are found by the
// attribute StoryCard.astro writes on each, `<li class="story-card" data-story="<slug>">`.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { inSearchIndex } from '../search/searchParts.ts'

export interface BuiltHtmlPage {
  /** Its address: `/en/stories/` for `en/stories/index.html`, `/404.html` for `404.html`. */
  path: string
  noindex: boolean
  /** The slugs of the story cards it shows, in order. */
  cards: string[]
}

const storyCard = /<li class="story-card" data-story="([a-z0-9-]+)"/g

export function builtHtmlPages(outDir: string): BuiltHtmlPage[] {
  return htmlFiles(outDir)
    .map((file) => ({ file, relativePath: relative(outDir, file).split(sep).join('/') }))
    .filter(({ relativePath }) => !inSearchIndex(relativePath))
    .map(({ file, relativePath }) => {
      const html = readFileSync(file, 'utf8')
      return {
        path: `/${relativePath.replace(/(^|\/)index\.html$/, '$1')}`,
        noindex: html.includes('<meta name="robots" content="noindex'),
        cards: [...html.matchAll(storyCard)].flatMap((match) => (match[1] ? [match[1]] : [])),
      }
    })
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return htmlFiles(path)
    return entry.name.endsWith('.html') ? [path] : []
  })
}
