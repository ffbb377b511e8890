// The site's content as its pages and components read it: Astro's collections (content.config.ts),
// read once per store through astro:content, checked by the site's schema, with the look-ups the
// pages share (siteIndexOf). A build renders thousands of pages from one store: the first call reads
// and indexes it, the others get the same index.
/// <reference types="astro/client" />
import { getCollection, getEntry } from 'astro:content'
import { z } from 'zod'
import { HintedError, parseOrExplain } from '../../core/index.ts'
import { listedCollections, siteContentOf, type ListedCollection, siteEntry, siteEntryId } from '../content/siteCollections.ts'
import { siteIndexOf, type SiteIndex } from '../content/siteIndex.ts'

const entryData = z.looseObject({ data: z.unknown() })
const hint =
  "build the site with npm run build (or npm run dev), which hand the archive read through the consent gate to the site's content loader."

// By the `site` entry's data as the store holds it: the same object as long as the store is the same.
const indexes = new WeakMap<object, Promise<SiteIndex>>()

export async function siteData(): Promise<SiteIndex> {
  const found: unknown = await getEntry('site', siteEntryId)
  const data = entryData.safeParse(found).data?.data
  if (typeof data !== 'object' || data === null) throw new HintedError('The site has no content: its "site" collection is empty.', hint)
  const known = indexes.get(data)
  if (known) return known
  const index = indexOf(data)
  indexes.set(data, index)
  return index
}

async function indexOf(data: unknown): Promise<SiteIndex> {
  const site = parseOrExplain(siteEntry, data, 'the site collection', hint)
  const lists = await Promise.all(
    listedCollections.map(async (name): Promise<[ListedCollection, unknown[]]> => {
      if (site.counts[name] === 0) return [name, []]
      const entries: unknown = await getCollection(name)
      return [name, parseOrExplain(z.array(entryData), entries, `the ${name} collection`, hint).map((entry) => entry.data)]
    }),
  )
  return siteIndexOf(siteContentOf(site, new Map(lists)))
}
