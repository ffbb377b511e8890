// The Astro configuration of the site: the settings every run shares (`npm run build`, `npm run dev`
// and astro.config.mjs at the top of the checkout, which all call siteAstroConfig), and the inline
// configuration of one build, the same settings with the build's own folders.
import type { AstroInlineConfig, AstroIntegration } from 'astro'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { HintedError } from '../../core/index.ts'
import { hasSiteContent } from '../content/contentBridge.ts'

export const siteRoot = fileURLToPath(new URL('..', import.meta.url))
/** The pages, components and content.config.ts. */
const siteSrc = fileURLToPath(new URL('../src/', import.meta.url))

// `astro build` or `astro dev` alone would render a site without the archive: they stop, saying what to run.
const contentRequired: AstroIntegration = {
  name: 'testimony-archive:content-required',
  hooks: {
    'astro:config:setup': () => {
      if (hasSiteContent()) return
      throw new HintedError(
        'The site has no content: Astro was started without the archive.',
        'Run `npm run build` (or `npm run dev`), which load the archive through the consent gate and then start Astro with this configuration.',
      )
    },
  },
}

// Vite's development server watches its root, the run's own folder: site/src too, so that a page
// added there is served without a restart (an edited one reloads either way).
const watchSiteSources: Plugin = {
  name: 'testimony-archive:watch-site-sources',
  configureServer: (server) => {
    server.watcher.add(siteSrc)
  },
}

/** The settings of every run of the site's Astro; `imageHosts` are the hosts ceremony photographs may come from. */
export function siteAstroConfig(imageHosts: ReadonlyArray<string> = ['127.0.0.1', 'localhost']) {
  return {
    root: siteRoot,
    output: 'static',
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
      remotePatterns: imageHosts.map((hostname) => ({ hostname })),
      service: { entrypoint: 'astro/assets/services/sharp' },
    },
    integrations: [contentRequired],
  } satisfies AstroInlineConfig
}

/** One run's configuration: the shared settings with its own folders (so that two runs never share one). */
export function astroConfig(options: {
  /** This run's own folder: Astro's root, where it writes its `.astro/` folder. */
  root: string
  outDir: string
  publicDir: string
  /** This run's own caches (Astro's image cache, Vite's). */
  cacheDir: string
  viteCacheDir: string
  imageHosts: ReadonlyArray<string>
  quiet: boolean
}): AstroInlineConfig {
  return {
    ...siteAstroConfig(options.imageHosts),
    configFile: false,
    // Astro writes `<root>/.astro/` (its pre-rendering chunks, its dev server's files): in the run's
    // own folder, removed after it, never in site/ where another run or a later one would find it.
    // The pages are still read from site/src.
    root: options.root,
    srcDir: siteSrc,
    outDir: options.outDir,
    publicDir: options.publicDir,
    cacheDir: options.cacheDir,
    logLevel: options.quiet ? 'warn' : 'info',
    vite: {
      logLevel: options.quiet ? 'warn' : 'info',
      cacheDir: options.viteCacheDir,
      build: { assetsInlineLimit: 0 },
      plugins: [watchSiteSources],
    },
  }
}
