// The live site's HTTP layer: the current build's files and the stories published since it
// (storyAdditions.ts: their pages, recordings and small search indexes, their cards put in the lists,
// their sitemap entries), with a withdrawn story's pages answered by the neutral page, its cards cut
// from the pages the reports say show them, its search fragments refused and its addresses dropped
// from the sitemap, from the moment of withdrawal until a rebuild reflects it.
import { readFileSync } from 'node:fs'
import { basename, relative, sep } from 'node:path'
import { Hono } from 'hono'
import { additionIndexPath, additionsList } from '../search/searchAdditions.ts'
import { listedByLanguage } from '../search/mergedIndexes.ts'
import { isSearchFragment } from '../search/searchParts.ts'
import { withAddedCards, type CardSplice } from './addedCards.ts'
import { builtFile, notFoundFile } from './builtFile.ts'
import type { AddedFile, Addition } from './storyAdditions.ts'
import { routes } from '../i18n/routes.ts'
import { withoutCards, withoutSitemapEntries, type RefusedOutput } from './withdrawnFilter.ts'
import { sitemapEntry } from '../build/sitemap.ts'

export interface LiveSiteState {
  /** The folder of the build being served; null before the first build is done. */
  root(): string | null
  /** What of the withdrawn stories is not served (from the reports of the served build and the additions). */
  refused(): RefusedOutput
  /** The stories published since the served build. */
  additions?(): ReadonlyArray<Addition>
  /** The file of an added story for a request path, if any. */
  addedFile?(pathname: string): AddedFile | null
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
    const additions = (state.additions?.() ?? []).filter((addition) => !refused.slugs.has(addition.slug))
    if (pathname === `/${additionsList}`)
      return c.json(
        listedByLanguage(additions.map((addition) => ({ path: additionIndexPath(addition.slug), languages: addition.searchLanguages }))),
        200,
        fresh,
      )
    const added = state.addedFile?.(pathname) ?? null
    const builtHere = builtFile(root, pathname)
    const main = builtHere ? { ...builtHere, sitePath: pagePath(root, builtHere.path) } : null
    const chosen = (added && !added.shared ? added : null) ?? main ?? added
    let file: { path: string; type: string } | null = chosen
    let path = chosen?.sitePath ?? null
    // A withdrawn story's own page, however it was asked for, shows the neutral page.
    const removedIn = path ? refused.pages.get(path) : undefined
    if (removedIn) {
      file = builtFile(root, routes.neutral(removedIn.language, removedIn.reason))
      path = file ? pagePath(root, file.path) : null
    }
    if (path && isSearchFragment(path) && refused.fragments.has(basename(path))) return c.text('Not found', 404, fresh)
    // Nothing else of a withdrawn story's increment either: its small index holds the words of her text.
    if (!removedIn && chosen === added && added && !added.shared && refused.slugs.has(added.slug)) return c.text('Not found', 404, fresh)
    // Her voice goes with her words: a withdrawn story's recording is not served either.
    if (path && refused.media.has(path)) return c.text('Not found', 404, fresh)
    const served = file ?? notFoundFile(root, pathname)
    if (!served) return c.text('Not found', 404, fresh)
    const status = file ? 200 : 404
    const headers = { 'Content-Type': served.type, ...fresh }
    const splices = path ? cardsFor(additions, path) : []
    if (path && (splices.length > 0 || refused.lists.has(path)))
      return c.body(
        withoutCards(withAddedCards(withoutCards(readFileSync(served.path, 'utf8'), refused.replaced), splices), refused.slugs),
        status,
        headers,
      )
    if (path === '/sitemap.xml') return c.body(sitemap(readFileSync(served.path, 'utf8'), additions, refused), status, headers)
    return c.body(readFileSync(served.path), status, headers)
  })
  return app
}

function cardsFor(additions: ReadonlyArray<Addition>, path: string): CardSplice[] {
  return additions.flatMap((addition) => {
    const change = addition.changes.get(path)
    return change?.kind === 'card' ? [change.splice] : []
  })
}

/** The sitemap without the withdrawn stories' addresses (and the old ones of a story published again), with the added stories'. */
function sitemap(built: string, additions: ReadonlyArray<Addition>, refused: RefusedOutput): string {
  const added = additions.flatMap((addition) => addition.story.sitemap).map((url) => `  ${sitemapEntry(url)}\n`)
  const kept = withoutSitemapEntries(built, refused.sitemap)
  return added.length > 0 ? kept.replace('</urlset>', `${added.join('')}</urlset>`) : kept
}
