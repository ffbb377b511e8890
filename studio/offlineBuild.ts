// The built Studio, made to ask nothing of the internet: Sanity's build links a script from its CDN
// and fonts from its static hosts. The script is dropped (it only bridges to Sanity's dashboard) and
// the fonts are the same Inter, self-hosted from @fontsource-variable/inter.
const bridgeScript = /<script[^>]*src="https:\/\/core\.sanity-cdn\.com\/[^"]*"[^>]*>\s*<\/script>\s*/g
const externalFont = /url\(\s*"?https:\/\/(?:studio-static|design-system-static)\.sanity\.io\/([^")]+)"?\s*\)/g

export const selfHostedFonts = {
  normal: 'inter-latin-wght-normal.woff2',
  italic: 'inter-latin-wght-italic.woff2',
} as const

/** Rewrites a built HTML or CSS file; `fontsPath` is where the self-hosted fonts are served. */
export function offlineStudioText(text: string, fontsPath: string): string {
  return text.replace(bridgeScript, '').replace(externalFont, (_match, file: string) => {
    const font = /italic/i.test(file) ? selfHostedFonts.italic : selfHostedFonts.normal
    return `url("${fontsPath}/${font}")`
  })
}

/** Every address outside the machine that a built file makes the browser load (links to click do not count). */
export function externalAddresses(text: string): string[] {
  const loaded =
    /<(?:script|img|iframe|source|audio|video)\b[^>]*\ssrc=["'](https?:\/\/[^"']+)["']|<link\b[^>]*\shref=["'](https?:\/\/[^"']+)["']|url\(\s*["']?(https?:\/\/[^"')]+)/g
  return [...text.matchAll(loaded)].map((m) => m[1] ?? m[2] ?? m[3] ?? '')
}
