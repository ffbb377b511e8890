// The live site's HTTP layer: the current build's files, with a withdrawn story's pages answered by
// the neutral page, its cards cut from the pages the build's report says show them, its search
// fragments refused and its addresses dropped from the sitemap, from the moment of withdrawal until a
// rebuild reflects it.
import { readFileSync } from 'node:fs'
import { basename, relative, sep } from 'node:path'
import { Hono } from 'hono'
import { builtFile, notFoundFile } from './builtFile.ts'
import { withoutCards, withoutSitemapEntries, type RefusedOutput } from './withdrawnFilter.ts'

export interface LiveSiteState {
  /** The folder of the build being served; null before the first build is done. */
  root(): string | null
  /** What of the withdrawn stories is not served (from the served build's report). */
  refused(): RefusedOutput
}

// Readers' browsers must ask again, so a withdrawn story is not kept in a cache.
const fresh = { 'Cache-Control': 'no-cache' }

/** The page path of a built file: `/en/stories/x/` for `en/stories/x/index.html`. */
const pagePath = (root: string, file: string) => `/${relative(root, file).split(sep).join('/')}`.replace(/\/index\.html$/, '/')

export function liveSiteApp(state: LiveSiteState) {
  const app = new Hono()
  app.get('*', (c) => {
    const root = state.root()
    if (!root) return c.text('The site is being built; try again in a minute.', 503, { ...fresh, 'Retry-After': '30' })
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(c.req.url).pathname)
    } catch {
      return c.text('Not found', 404)
    }
    const refused = state.refused()
    let file = builtFile(root, pathname)
    let path = file ? pagePath(root, file.path) : null
    // A withdrawn story's own page, however it was asked for, shows the neutral page.
    const removedIn = path ? refused.pages.get(path) : undefined
    if (removedIn) {
      file = builtFile(root, `/${removedIn}/removed/`)
      path = file ? pagePath(root, file.path) : null
    }
    if (path?.startsWith('/pagefind/fragment/') && refused.fragments.has(basename(path))) return c.text('Not found', 404, fresh)
    // Her voice goes with her words: a withdrawn story's recording is not served either.
    if (path && refused.media.has(path)) return c.text('Not found', 404, fresh)
    const served = file ?? notFoundFile(root, pathname)
    if (!served) return c.text('Not found', 404, fresh)
    const status = file ? 200 : 404
    const headers = { 'Content-Type': served.type, ...fresh }
    if (path && refused.lists.has(path)) return c.body(withoutCards(readFileSync(served.path, 'utf8'), refused.slugs), status, headers)
    if (path === '/sitemap.xml') return c.body(withoutSitemapEntries(readFileSync(served.path, 'utf8'), refused.sitemap), status, headers)
    return c.body(readFileSync(served.path), status, headers)
  })
  return app
}
