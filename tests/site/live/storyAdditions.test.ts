// The stories the live site shows from their increments: which it takes, which a full build ends,
// what files it serves of them, and that an increment's folder goes when its story is no longer added.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IncrementReport } from '../../../site/build/incrementReport.ts'
import { storyAdditions } from '../../../site/live/storyAdditions.ts'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'story-additions-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

const slug = 'a-new-story'
/** An increment's folder holding its story's page, a list page and its search index, and its report. */
function increment(name: string): IncrementReport {
  const outDir = join(folder, name)
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(outDir, path)), { recursive: true })
    writeFileSync(join(outDir, path), text)
  }
  write(`en/stories/${slug}/index.html`, 'its page')
  write('en/stories/index.html', 'the increment’s list page')
  write('en/about/index.html', 'the increment’s about page')
  write('pagefind/pagefind-entry.json', '{}')
  const card = `<li class="story-card" data-story="${slug}"></li>`
  return {
    outDir,
    added: [
      {
        id: 'testimony-new',
        slug,
        story: {
          pages: [{ path: `/en/stories/${slug}/`, language: 'en' }],
          lists: ['/en/stories/'],
          sitemap: [],
          fragments: [],
          media: [],
        },
        searchLanguages: ['en'],
        cards: { '/en/stories/': card },
        places: {},
      },
    ],
    problems: [],
    milliseconds: { load: 0, astro: 0, search: 0, total: 0 },
  }
}
const shown = new Map([['/en/stories/', ['b-older-story']]])
const slugOf = () => undefined
const never = () => false
const served = (startedAt: number, onSite: (slug: string) => boolean = never, replaceable: (slug: string) => boolean = never) => ({
  startedAt,
  onSite,
  shown,
  slugOf,
  replaceable,
})

describe('the stories shown from their increments', () => {
  it('serve their own pages and search index, and not the rest of the increment', () => {
    const additions = storyAdditions()
    expect(additions.add(increment('added-1'), 2_000, served(1_000))).toEqual(['testimony-new'])
    expect(additions.file(`/en/stories/${slug}/`)?.sitePath).toBe(`/en/stories/${slug}/`)
    expect(additions.file(`/pagefind-additions/${slug}/pagefind-entry.json`)?.path).toBe(
      join(folder, 'added-1', 'pagefind', 'pagefind-entry.json'),
    )
    expect(additions.file('/en/about/')).toBeNull()
    expect(additions.file('/en/stories/')).toBeNull()
    expect([...(additions.all()[0]?.changes.keys() ?? [])]).toEqual(['/en/stories/'])
  })

  it('leave out a story the served build already shows, or that a build started after its increment does not', () => {
    const additions = storyAdditions()
    expect(
      additions.add(
        increment('added-1'),
        2_000,
        served(1_000, () => true),
      ),
    ).toEqual([])
    expect(additions.add(increment('added-2'), 2_000, served(3_000))).toEqual([])
    expect(additions.all()).toEqual([])
    expect(existsSync(join(folder, 'added-1')) || existsSync(join(folder, 'added-2'))).toBe(false)
  })

  it('end with a full build that holds the story, or that started after the increment, and their folder with them', () => {
    const additions = storyAdditions()
    additions.add(increment('added-1'), 2_000, served(1_000))
    additions.rebase(1_500, { onSite: () => false, shown, slugOf, replaceable: never })
    expect(additions.all().map((addition) => addition.slug)).toEqual([slug])
    additions.rebase(1_500, { onSite: () => true, shown, slugOf, replaceable: never })
    expect(additions.all()).toEqual([])
    expect(existsSync(join(folder, 'added-1'))).toBe(false)

    additions.add(increment('added-2'), 2_000, served(1_000))
    // She withdrew before this build read the archive: it does not hold her story, which goes too.
    additions.rebase(2_500, { onSite: () => false, shown, slugOf, replaceable: never })
    expect(additions.all()).toEqual([])
    expect(existsSync(join(folder, 'added-2'))).toBe(false)
  })

  it('take the place of what the served build made of a story taken off and published again, placed among the others only', () => {
    const additions = storyAdditions()
    const withHers = new Map([['/en/stories/', [slug, 'b-older-story']]])
    const takenOff = (each: string) => each === slug
    expect(additions.add(increment('added-1'), 2_000, { ...served(1_000, () => true, takenOff), shown: withHers })).toEqual([
      'testimony-new',
    ])
    // Her card goes before the older story's, as if the served build's card of her earlier text were not there.
    expect(additions.all()[0]?.changes.get('/en/stories/')).toEqual({
      kind: 'card',
      splice: { slug, html: `<li class="story-card" data-story="${slug}"></li>`, drops: null },
    })
    // Taken off again and published again: the newer increment takes the place of the earlier one, whose folder goes.
    expect(
      additions.add(
        increment('added-2'),
        3_000,
        served(1_000, () => true, takenOff),
      ),
    ).toEqual(['testimony-new'])
    expect(additions.all().map((addition) => addition.root)).toEqual([join(folder, 'added-2')])
    expect(existsSync(join(folder, 'added-1'))).toBe(false)
    // Not taken off: an increment of a story the site shows is left out, as before.
    expect(
      additions.add(
        increment('added-3'),
        4_000,
        served(1_000, () => true),
      ),
    ).toEqual([])
    expect(additions.all().map((addition) => addition.root)).toEqual([join(folder, 'added-2')])
  })

  it('leave out a story published again at another address: the site follows a story by one address', () => {
    const additions = storyAdditions()
    const elsewhere = {
      ...served(
        1_000,
        () => true,
        () => true,
      ),
      slugOf: (id: string) => (id === 'testimony-new' ? 'her-earlier-address' : undefined),
    }
    expect(additions.add(increment('added-1'), 2_000, elsewhere)).toEqual([])
    expect(additions.all()).toEqual([])
    expect(existsSync(join(folder, 'added-1'))).toBe(false)
    // Shown, then a full build holds her story at another address: the increment goes.
    additions.add(increment('added-2'), 2_000, served(1_000))
    additions.rebase(1_500, { ...elsewhere, onSite: () => false })
    expect(additions.all()).toEqual([])
    expect(existsSync(join(folder, 'added-2'))).toBe(false)
  })

  it('stay when the full build served holds her earlier text, taken off after it started', () => {
    const additions = storyAdditions()
    additions.add(
      increment('added-1'),
      2_000,
      served(
        1_000,
        () => true,
        () => true,
      ),
    )
    additions.rebase(1_500, { onSite: () => true, shown, slugOf, replaceable: () => true })
    expect(additions.all().map((addition) => addition.slug)).toEqual([slug])
    // A build that holds her new text (nothing of hers taken off since it started) ends it.
    additions.rebase(2_500, { onSite: () => true, shown, slugOf, replaceable: never })
    expect(additions.all()).toEqual([])
    expect(existsSync(join(folder, 'added-1'))).toBe(false)
  })
})
