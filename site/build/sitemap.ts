// The sitemap: every built page that may be indexed; never a removed story's neutral page, the
// reading view or any page marked noindex.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export function writeSitemap(outDir: string, siteUrl: string): string[] {
  const urls = htmlFiles(outDir)
    .filter((file) => !/<meta name="robots" content="noindex/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(outDir, file).split(sep).join('/'))
    .filter((path) => path.endsWith('index.html') && !path.startsWith('pagefind/'))
    .map((path) => new URL(path.replace(/index\.html$/, ''), siteUrl).href)
    .sort()
  const body = urls.map((url) => `  <url><loc>${url}</loc></url>`).join('\n')
  writeFileSync(
    join(outDir, 'sitemap.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
  )
  return urls
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return htmlFiles(path)
    return entry.name.endsWith('.html') ? [path] : []
  })
}
