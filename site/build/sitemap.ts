// The sitemap: every built page that may be indexed; never a removed story's neutral page, the
// reading view or any page marked noindex. One `<url>` a line, which the live site relies on.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BuiltHtmlPage } from './builtPages.ts'

export function writeSitemap(outDir: string, siteUrl: string, pages: ReadonlyArray<BuiltHtmlPage>): string[] {
  const urls = pages
    .filter((page) => !page.noindex && page.path.endsWith('/'))
    .map((page) => new URL(page.path.slice(1), siteUrl).href)
    .sort()
  const body = urls.map((url) => `  ${sitemapEntry(url)}`).join('\n')
  writeFileSync(
    join(outDir, 'sitemap.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
  )
  return urls
}

/** The line of the sitemap that lists an address. */
export const sitemapEntry = (url: string) => `<url><loc>${url}</loc></url>`
