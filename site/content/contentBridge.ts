// Hands the content loaded through the consent gate to the site's content loader (archiveLoader),
// which Astro runs in the same process but loads through Vite, as a module of its own: buildSite and
// the dev server put the content here before Astro starts, the loader reads it back, checked once by
// the site's zod schema. The pages never read it here: they read Astro's collections.
import { siteContent, type SiteContent } from './siteContent.ts'
import { HintedError } from '../../core/index.ts'

const slot = Symbol.for('testimony-archive.siteContent')
let checked: { raw: unknown; content: SiteContent } | null = null

export function provideSiteContent(content: SiteContent): void {
  Reflect.set(globalThis, slot, content)
}

/** Whether content was handed over in this process (Astro started without it has nothing to render). */
export const hasSiteContent = (): boolean => Reflect.get(globalThis, slot) !== undefined

/** The content handed over, checked: the site's content loader reads it. */
export function handedOverContent(): SiteContent {
  const raw: unknown = Reflect.get(globalThis, slot)
  const last = checked
  if (last && last.raw === raw) return last.content
  if (raw === undefined) {
    throw new HintedError(
      'The site has no content to render.',
      'build the site with buildSite() (npm run build:site), which loads the archive first; `astro build` alone has no data.',
    )
  }
  checked = { raw, content: siteContent.parse(raw) }
  return checked.content
}
