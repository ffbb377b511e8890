// The live site's fast consent check, in process: a story the consent core refuses is taken off at
// once, with what the served build made of it, and stays off until a build started after it.
import { describe, expect, it } from 'vitest'
import type { BuiltStory } from '../../../site/build/siteBuildReport.ts'
import { fastConsentCheck } from '../../../site/live/fastConsentCheck.ts'

const builtStory = (slug: string): BuiltStory => ({
  pages: [{ path: `/en/stories/${slug}/`, language: 'en' }],
  lists: ['/en/stories/'],
  sitemap: [`https://example.org/en/stories/${slug}/`],
  fragments: [`en_${slug}.pf_fragment`],
  media: [],
})
const onSite = new Map([
  ['testimony-01', 'rice'],
  ['testimony-02', 'well'],
])

function setUp(
  allowedNow: Set<string>,
  appeared?: (testimonyId: string) => void,
  withdrawnNow: Set<string> = new Set(),
  addedStory?: (slug: string) => { story: BuiltStory; startedAt: number } | undefined,
) {
  let clock = 1_000
  const asked: string[][] = []
  const check = fastConsentCheck({
    ...(appeared ? { appeared } : {}),
    ...(addedStory ? { addedStory } : {}),
    judge: (ids) => {
      asked.push([...ids])
      return Promise.resolve({ allowed: allowedNow, withdrawn: withdrawnNow })
    },
    concerned: (documentId) => (documentId.startsWith('publicStory.') ? documentId.slice('publicStory.'.length) : null),
    slugOf: (id) => onSite.get(id),
    builtStories: () => ({ rice: builtStory('rice'), well: builtStory('well') }),
    log: () => {},
    now: () => clock,
  })
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10))
  return { check, asked, settle, advance: (ms: number) => (clock += ms), now: () => clock }
}

describe('the fast consent check', () => {
  it('takes off a story the consent core refuses, with its pages, cards, sitemap entries and fragments', async () => {
    const { check, settle } = setUp(new Set(['testimony-02']))
    check.changed('publicStory.testimony-01')
    await settle()
    expect(check.withdrawnNow()).toEqual(['rice'])
    expect(check.refused().pages.get('/en/stories/rice/')).toEqual({ language: 'en', reason: 'unavailable' })
    expect([...check.refused().fragments]).toEqual(['en_rice.pf_fragment'])
  })

  it('says she withdrew it only when she did', async () => {
    const { check, settle } = setUp(new Set(), undefined, new Set(['testimony-02']))
    check.ask(['testimony-01', 'testimony-02'])
    await settle()
    expect(check.refused().pages.get('/en/stories/rice/')).toEqual({ language: 'en', reason: 'unavailable' })
    expect(check.refused().pages.get('/en/stories/well/')).toEqual({ language: 'en', reason: 'withdrawn' })
  })

  it('asks nothing for a draft, a version, a document of no story, or a story not on the site', async () => {
    const { check, asked, settle } = setUp(new Set())
    check.changed('drafts.publicStory.testimony-01')
    check.changed('versions.r1.publicStory.testimony-01')
    check.changed('theme-rice')
    check.changed('publicStory.testimony-99')
    await settle()
    expect(asked).toEqual([])
    expect(check.withdrawnNow()).toEqual([])
  })

  it('tells of a story not on the site that the consent core now allows (just published), and of no other', async () => {
    const appeared: string[] = []
    const { check, asked, settle } = setUp(new Set(['testimony-98', 'testimony-01']), (id) => appeared.push(id))
    check.changed('publicStory.testimony-98')
    check.changed('publicStory.testimony-99')
    check.changed('publicStory.testimony-01')
    await settle()
    expect(asked).toEqual([['testimony-98'], ['testimony-99'], ['testimony-01']])
    expect(appeared).toEqual(['testimony-98'])
    expect(check.withdrawnNow()).toEqual([])
  })

  it('keeps a story off until a build that started after it is served', async () => {
    const { check, settle, advance, now } = setUp(new Set())
    const buildStarted = now()
    advance(50)
    check.ask(['testimony-01'])
    await settle()
    check.rebuilt(buildStarted)
    expect(check.withdrawnNow()).toEqual(['rice'])
    advance(50)
    check.rebuilt(now())
    expect(check.withdrawnNow()).toEqual([])
    expect(check.refused().slugs.size).toBe(0)
  })

  it('tells of a story taken off that the consent core allows again (published again), and shows its increment once one started after', async () => {
    const appeared: string[] = []
    const allowed = new Set<string>()
    let increment: { story: BuiltStory; startedAt: number } | undefined = undefined
    const newText: BuiltStory = { ...builtStory('rice'), fragments: ['en_rice-corrected.pf_fragment'] }
    const { check, settle, advance, now } = setUp(
      allowed,
      (id) => appeared.push(id),
      new Set(),
      (slug) => (slug === 'rice' ? increment : undefined),
    )
    check.changed('publicStory.testimony-01')
    await settle()
    expect(check.isOff('rice')).toBe(true)
    // Her corrected text is published: the check tells the site, which builds an increment of it.
    allowed.add('testimony-01')
    check.changed('publicStory.testimony-01')
    await settle()
    expect(appeared).toEqual(['testimony-01'])
    advance(10)
    increment = { story: newText, startedAt: now() }
    check.additionsChanged()
    expect(check.isOff('rice')).toBe(false)
    expect(check.withdrawnNow()).toEqual([])
    expect([...check.refused().slugs]).toEqual([])
    expect([...check.refused().replaced]).toEqual(['rice'])
    // Her earlier text's search fragment stays refused; her new page is not.
    expect([...check.refused().fragments]).toEqual(['en_rice.pf_fragment'])
    expect(check.refused().pages.has('/en/stories/rice/')).toBe(false)
    // Withdrawn again: off with all of both, her earlier text and the new one.
    allowed.delete('testimony-01')
    advance(10)
    check.changed('publicStory.testimony-01')
    await settle()
    expect(check.withdrawnNow()).toEqual(['rice'])
    expect([...check.refused().slugs]).toEqual(['rice'])
    expect([...check.refused().fragments].sort()).toEqual(['en_rice-corrected.pf_fragment', 'en_rice.pf_fragment'])
    expect(check.refused().pages.get('/en/stories/rice/')).toEqual({ language: 'en', reason: 'unavailable' })
  })

  it('does not show again an increment that started before the story was taken off', async () => {
    const { check, settle, now } = setUp(new Set(), undefined, new Set(), () => ({ story: builtStory('rice'), startedAt: now() - 1 }))
    check.changed('publicStory.testimony-01')
    await settle()
    check.additionsChanged()
    expect(check.isOff('rice')).toBe(true)
    expect([...check.refused().slugs]).toEqual(['rice'])
  })

  it('names the stories taken off since a build started, which it may hold with their earlier text', async () => {
    const { check, settle, advance, now } = setUp(new Set())
    check.ask(['testimony-01'])
    await settle()
    advance(50)
    const buildStarted = now()
    check.ask(['testimony-02'])
    await settle()
    expect([...check.takenOffSince(buildStarted)]).toEqual(['well'])
  })
})
