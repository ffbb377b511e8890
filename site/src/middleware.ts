// Before each page is rendered (at build time, and on each request of the dev server), the site's
// content read through Astro's collections (siteData) is put in `Astro.locals.site`, so that the
// layout and components read it synchronously: a component that awaits renders on Astro's slower
// asynchronous path, and a list page renders dozens of them.
import type { MiddlewareHandler } from 'astro'
import { siteData } from './siteData.ts'

export const onRequest: MiddlewareHandler = async (context, next) => {
  context.locals.site = await siteData()
  return next()
}
