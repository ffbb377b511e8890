// The Astro configuration of the site, inline so that the build is callable from code.
import type { AstroInlineConfig } from 'astro'
import { fileURLToPath } from 'node:url'

export const siteRoot = fileURLToPath(new URL('..', import.meta.url))

export function astroConfig(options: {
  outDir: string
  publicDir: string
  /** This build's own caches (Astro's image cache, Vite's), so that two builds never share one. */
  cacheDir: string
  viteCacheDir: string
  imageHosts: ReadonlyArray<string>
  quiet: boolean
}): AstroInlineConfig {
  return {
    root: siteRoot,
    configFile: false,
    outDir: options.outDir,
    publicDir: options.publicDir,
    cacheDir: options.cacheDir,
    output: 'static',
    logLevel: options.quiet ? 'warn' : 'info',
    trailingSlash: 'always',
    build: { format: 'directory', inlineStylesheets: 'always' },
    devToolbar: { enabled: false },
    prefetch: false,
    i18n: {
      locales: ['km', 'en'],
      defaultLocale: 'km',
      routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
    },
    image: {
      remotePatterns: options.imageHosts.map((hostname) => ({ hostname })),
      service: { entrypoint: 'astro/assets/services/sharp' },
    },
    vite: { logLevel: options.quiet ? 'warn' : 'info', cacheDir: options.viteCacheDir, build: { assetsInlineLimit: 0 } },
  }
}
