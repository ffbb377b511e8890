// The live site's HTTP layer: the current build's files, with a withdrawn story's addresses
// answered by the neutral page, its cards cut from list pages, its search fragments refused and its
// addresses dropped from the sitemap, from the moment of withdrawal until a rebuild reflects it.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { Hono } from 'hono'
import { builtFile, notFoundFile } from './builtFile.ts'
import { withdrawnStoryAt, withoutWithdrawnCards, withoutWithdrawnUrls } from './withdrawnFilter.ts'

export interface LiveSiteState {
  /** The folder of the build being served; null before the first build is done. */
  root(): string | null
  withdrawn(): ReadonlySet<string>
  withdrawnFragments(): ReadonlySet<string>
}

// Readers' browsers must ask again, so a withdrawn story is not kept in a cache.
const fresh = { 'Cache-Control': 'no-cache' }

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
    const withdrawn = state.withdrawn()
    const story = withdrawnStoryAt(pathname, withdrawn)
    if (story) pathname = `/${story.lang}/removed/`
    if (pathname.startsWith('/pagefind/fragment/') && state.withdrawnFragments().has(basename(pathname)))
      return c.text('Not found', 404, fresh)
    const file = builtFile(root, pathname)
    const notFound = file ? null : notFoundFile(root, pathname)
    const served = file ?? notFound
    if (!served) return c.text('Not found', 404, fresh)
    const status = file ? 200 : 404
    const headers = { 'Content-Type': served.type, ...fresh }
    if (served.type.startsWith('text/html'))
      return c.body(withoutWithdrawnCards(readFileSync(served.path, 'utf8'), withdrawn), status, headers)
    if (pathname === '/sitemap.xml') return c.body(withoutWithdrawnUrls(readFileSync(served.path, 'utf8'), withdrawn), status, headers)
    return c.body(readFileSync(served.path), status, headers)
  })
  return app
}
