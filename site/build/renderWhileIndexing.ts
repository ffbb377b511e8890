// Astro's pages and the Pagefind index of the same content, at once: the index is made from the
// content, not from the pages, so Pagefind's process indexes while Astro renders in the build's own,
// and on two cores a build takes about the longer of the two, not their sum.
import { readdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import type { SiteContent } from '../content/siteContent.ts'
import { stopSearchIndex, writeSearchIndex, type WrittenSearchIndex } from '../search/searchIndex.ts'
import type { SearchPartSizes } from '../search/searchParts.ts'
import type { SearchRecord } from '../search/searchRecords.ts'
import type { BuildFolders } from './buildFolders.ts'
import { renderPages, type RenderOptions } from './renderPages.ts'

/** Renders `content` into `folders.staging` and writes its index (of `records`, by default every page's) into its `pagefind/` (and its other parts' folders). */
export async function renderWhileIndexing(
  content: SiteContent,
  options: RenderOptions & { searchParts?: SearchPartSizes },
  folders: BuildFolders,
  records?: ReadonlyArray<SearchRecord>,
): Promise<{ search: WrittenSearchIndex; builtAt: number }> {
  // Written apart: Astro owns the staging folder until it is done.
  const indexing = writeSearchIndex(content, folders.searchStaging, records, options.searchParts)
  try {
    await renderPages(content, options, { ...folders, outDir: folders.staging })
  } catch (error) {
    // The build's error is Astro's; Pagefind's process is stopped, not left indexing for nothing.
    await stopSearchIndex()
    await indexing.catch(() => {})
    throw error
  }
  const builtAt = performance.now()
  const search = await indexing
  // Its parts (searchParts.ts): `pagefind/` and, for a large archive, `pagefind-part-N/`.
  for (const folder of readdirSync(folders.searchStaging)) renameSync(join(folders.searchStaging, folder), join(folders.staging, folder))
  return { search, builtAt }
}
