// The site's content collections, one per concept of the content the consent gate let through, each
// answered by the site's own live loader with what the build handed over; the pages read them with
// astro:content (site/src/siteData.ts). Live collections carry no schema here: a schema would be
// applied to every entry at each page's read; the pages check the whole content once against the
// site's zod schemas instead (siteContentOf), as it was checked when handed over.
/// <reference types="astro/client" />
import { defineLiveCollection } from 'astro:content'
import { archiveLoader } from '../content/archiveLoader.ts'

export const collections = {
  site: defineLiveCollection({ loader: archiveLoader('site') }),
  services: defineLiveCollection({ loader: archiveLoader('services') }),
  themes: defineLiveCollection({ loader: archiveLoader('themes') }),
  ceremonies: defineLiveCollection({ loader: archiveLoader('ceremonies') }),
  lessons: defineLiveCollection({ loader: archiveLoader('lessons') }),
  glossary: defineLiveCollection({ loader: archiveLoader('glossary') }),
  stories: defineLiveCollection({ loader: archiveLoader('stories') }),
  removed: defineLiveCollection({ loader: archiveLoader('removed') }),
}
