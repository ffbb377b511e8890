// The site's content collections (Astro's content layer), one per concept of the content the consent
// gate let through, each with its zod schema (site/content/) and filled by the site's own loader with
// what the build handed over; the pages read them with astro:content (site/src/siteData.ts).
/// <reference types="astro/client" />
import { defineCollection } from 'astro:content'
import { archiveLoader } from '../content/archiveLoader.ts'
import { collectionSchemas, type CollectionName } from '../content/siteCollections.ts'

const collection = <K extends CollectionName>(name: K) => defineCollection({ loader: archiveLoader(name), schema: collectionSchemas[name] })

export const collections = {
  site: collection('site'),
  services: collection('services'),
  themes: collection('themes'),
  ceremonies: collection('ceremonies'),
  lessons: collection('lessons'),
  glossary: collection('glossary'),
  stories: collection('stories'),
  removed: collection('removed'),
}
