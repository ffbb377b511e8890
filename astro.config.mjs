// Astro's configuration of the public site (in site/), for editors and for `astro` run by hand.
// `npm run build` and `npm run dev` use the same settings (siteAstroConfig) with folders of their own;
// run those: they load the archive through the consent gate first. `astro build` or `astro dev`
// alone has no archive to render and stops, saying so.
import { defineConfig } from 'astro/config'
import { siteAstroConfig } from './site/build/astroConfig.ts'

export default defineConfig(siteAstroConfig())
