// Writes the Pagefind index of the built site with Pagefind's Node API, from custom records: Khmer as
// a spaced copy plus search tokens (khmer-search.md), English as it is. One index per language, in
// parts for a large archive (searchParts.ts).
import * as pagefind from 'pagefind'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SiteContent } from '../content/siteContent.ts'
import { fragmentFilesByUrl } from './fragmentFiles.ts'
import { indexerPeakMegabytes } from './indexerMemory.ts'
import { hasKhmer, spacedKhmer } from './khmerWords.ts'
import { endingsMark, khmerSigns, notText } from './searchMarks.ts'
import { listedByLanguage } from './mergedIndexes.ts'
import { searchPartFolder, searchPartRecords, searchPartSizes, searchPartsList, type SearchPartSizes } from './searchParts.ts'
import { searchRecords, type SearchRecord } from './searchRecords.ts'
import { searchTokens } from './searchTokens.ts'
import { HintedError } from '../../core/index.ts'

export interface WrittenSearchIndex {
  records: number
  /** Each story's fragment files, by its slug. */
  storyFragments: Map<string, string[]>
  /** The peak memory of Pagefind's own process, where it can be read (indexerMemory.ts). */
  indexerPeakMegabytes: number | null
}

// Set by stopSearchIndex, so that an index in parts starts no further part (one build at a time per process).
let stopped = false

/**
 * The index of `records` (by default every page of `content`; a publication's increment gives only its
 * story's), in parts when large (`sizes`, searchParts.ts), written into `outDir`'s `pagefind/`
 * and `pagefind-part-N/` folders, with the list of the other parts by language in `pagefind/parts.json`.
 */
export async function writeSearchIndex(
  content: SiteContent,
  outDir: string,
  records: ReadonlyArray<SearchRecord> = searchRecords(content),
  sizes: SearchPartSizes = searchPartSizes,
): Promise<WrittenSearchIndex> {
  const parts = searchPartRecords(records, sizes)
  stopped = false
  let indexerPeak: number | null = null
  const storyFragments = new Map<string, string[]>()
  for (const [part, { records: own }] of parts.entries()) {
    if (stopped) throw new Error('The search index was stopped before it was whole.')
    const folder = join(outDir, searchPartFolder(part))
    const peak = await writeIndexPart(own, folder)
    if (peak !== null) indexerPeak = Math.max(indexerPeak ?? 0, peak)
    const byUrl = fragmentFilesByUrl(folder)
    for (const record of own)
      if (record.story) storyFragments.set(record.story, [...(storyFragments.get(record.story) ?? []), ...(byUrl.get(record.url) ?? [])])
  }
  // The first part (every language, no language of its own) is the site's own index; the others are merged by their language's search page.
  const list = listedByLanguage(
    parts.flatMap(({ language }, part) => (language ? [{ path: `/${searchPartFolder(part)}/`, languages: [language] }] : [])),
  )
  writeFileSync(join(outDir, searchPartsList), `${JSON.stringify(list)}\n`)
  return { records: records.length, storyFragments, indexerPeakMegabytes: indexerPeak }
}

/** One part, by a Pagefind process of its own, ended before the next part starts; answers its peak memory. */
async function writeIndexPart(records: ReadonlyArray<SearchRecord>, folder: string): Promise<number | null> {
  const { index, errors } = await pagefind.createIndex({ includeCharacters: khmerSigns })
  if (!index) throw new HintedError(`Pagefind could not start: ${errors.join('; ')}`, 'reinstall the pagefind package (npm ci).')
  try {
    // Sent a batch at a time, so that Pagefind's process always has records to index, also while the
    // build's own process is busy rendering (buildSite.ts), without holding every record's text at once.
    for (let start = 0; start < records.length; start += recordsPerBatch) {
      const batch = records.slice(start, start + recordsPerBatch)
      const answers = await Promise.all(batch.map((record) => index.addCustomRecord(pagefindRecord(record))))
      answers.forEach((added, k) => {
        if (added.errors.length > 0) throw new Error(`Pagefind refused ${batch[k]?.url}: ${added.errors.join('; ')}`)
      })
    }
    const written = await index.writeFiles({ outputPath: folder })
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
    return indexerPeakMegabytes()
  } finally {
    await pagefind.close()
  }
}

const recordsPerBatch = 64

function pagefindRecord(record: SearchRecord) {
  const khmer = hasKhmer(record.text) || hasKhmer(record.title)
  return {
    url: record.url,
    language: record.language,
    content: khmer ? indexedKhmer(record.title, record.text) : record.text,
    meta: { title: khmer ? spacedKhmer(record.title) : record.title },
  }
}

/** Stops Pagefind's process (a build that failed elsewhere): an index being written then fails, and starts no further part. */
export const stopSearchIndex = async (): Promise<void> => {
  stopped = true
  await pagefind.close()
}

/**
 * The spaced copy of the text (what excerpts show), then the mark and the title's (so that a query
 * that runs across the title's words is found too), then the other tokens, each far from the next.
 * Every part is an even number of tokens, as khmerQuery.ts reads positions.
 */
function indexedKhmer(title: string, text: string): string {
  const tokens = searchTokens(`${title}\n${text}`).map((token) => `${notText} ${token} ${notText} ${notText}`)
  return [spacedKhmer(text), endingsMark, notText, spacedKhmer(title), ...tokens].join(' ')
}
