// What the middleware gives every page and component (src/middleware.ts).
declare namespace App {
  interface Locals {
    /** The site's content and its look-ups, read through Astro's collections. */
    site: import('../content/siteIndex.ts').SiteIndex
  }
}
