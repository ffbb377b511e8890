// The benchmark's bare baseline renders what the archive renders: its synthetic stories made without
// the lake are the public stories the consent gate lets through, in the same order beside the seed's.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadSiteContent } from '../../site/index.ts'
import { bareContent, syntheticStories } from '../../bench/bareContent.ts'
import { benchToday, lakeWith } from '../../bench/siteMeasures.ts'
import { syntheticTestimonies } from '../../bench/syntheticTestimonies.ts'

const work = mkdtempSync(join(tmpdir(), 'fair-baseline-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the fair bare baseline', () => {
  it('makes, without the lake, the very stories the consent gate publishes, beside the seed’s', async () => {
    const archive = await lakeWith(work, syntheticTestimonies(20))
    const seedOnly = await lakeWith(work, [])
    try {
      const { content: gated } = await loadSiteContent({ client: archive.client, today: benchToday })
      const { content: seed } = await loadSiteContent({ client: seedOnly.client, today: benchToday })
      const synthetic = gated.stories.filter((story) => story.slug.startsWith('synthetic-'))
      expect(synthetic).toHaveLength(20)
      expect(syntheticStories(20).sort((a, b) => a.slug.localeCompare(b.slug))).toEqual(synthetic)
      const bare = bareContent(seed, 20)
      expect(bare.stories.map((story) => story.slug)).toEqual(gated.stories.map((story) => story.slug))
      expect(bare.removed).toEqual(gated.removed)
      expect(bare.lessons).toEqual(gated.lessons)
    } finally {
      await archive.close()
      await seedOnly.close()
    }
  })
})
