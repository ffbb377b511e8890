// The site's content as its pages and components read it: Astro's live collections (live.config.ts),
// read through astro:content, checked by the site's schema, with the look-ups the pages share
// (siteIndexOf). A build renders thousands of pages from one handed-over content: the first call
// reads, checks and indexes it, the others get the same index.
/// <reference types="astro/client" />
import { getLiveCollection, getLiveEntry } from 'astro:content'
import { z } from 'zod'
import { HintedError, parseOrExplain } from '../../core/index.ts'
import { listedCollections, siteContentOf, type ListedCollection, siteEntry, siteEntryId } from '../content/siteCollections.ts'
import { siteIndexOf, type SiteIndex } from '../content/siteIndex.ts'

const hint =
  "build the site with npm run build (or npm run dev), which hand the archive read through the consent gate to the site's content loader."

// By the `site` entry's data as the loader answers it: the same object as long as the content handed over is the same.
const indexes = new WeakMap<object, Promise<SiteIndex>>()

export async function siteData(): Promise<SiteIndex> {
  const answer: unknown = await getLiveEntry('site', { id: siteEntryId })
  const data = liveAnswer('the site collection', answer).entry?.data
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
      const answer: unknown = await getLiveCollection(name)
      return [name, (liveAnswer(`the ${name} collection`, answer).entries ?? []).map((entry) => entry.data)]
    }),
  )
  return siteIndexOf(siteContentOf(site, new Map(lists)))
}

// What getLiveEntry and getLiveCollection answer: the entry or entries, or the loader's error.
const entryData = z.looseObject({ data: z.unknown() })
const liveAnswerShape = z.looseObject({
  entry: entryData.optional(),
  entries: z.array(entryData).optional(),
  error: z.instanceof(Error).optional(),
})

function liveAnswer(what: string, answer: unknown) {
  const { error, ...found } = parseOrExplain(liveAnswerShape, answer, what, hint)
  if (error) throw new HintedError(`The site could not read ${what}: ${error.message}`, hint)
  return found
}
