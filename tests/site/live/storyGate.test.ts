// The live site's question to the consent core about some testimonies: which it allows on the website
// today, and of the others which she withdrew, so that the neutral page says she asked only when she did.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDocuments } from '../../../lake/index.ts'
import { seedArchivePath } from '../../../seed/index.ts'
import { publicStories } from '../../../site/live/storyGate.ts'
import { startLake, type LakeHarness } from '../../lake/lakeHarness.ts'
import { withdrawnSeedStory } from '../siteHarness.ts'

let lake: LakeHarness
beforeAll(async () => {
  lake = await startLake({ today: '2026-11-29' })
  importDocuments(lake.lake.services.datasets.ensure('production'), readFileSync(seedArchivePath, 'utf8'), {
    author: 'seed',
    replace: false,
  })
})
afterAll(async () => {
  await lake.stop()
})

describe('the consent core’s verdicts for the live site', () => {
  it('allows a public story, says she withdrew a withdrawn or erased one, and neither of a story refused for another reason', async () => {
    // testimony-07's public story is refused without a withdrawal (the build's page says "no longer available").
    const ids = ['testimony-01', withdrawnSeedStory.id, 'testimony-07', 'testimony-erased']
    const verdicts = await publicStories(lake.client('publisher', { perspective: 'published' }), ids, '2026-11-29')
    expect([...verdicts.allowed]).toEqual(['testimony-01'])
    expect([...verdicts.withdrawn].sort()).toEqual([withdrawnSeedStory.id, 'testimony-erased'].sort())
  })
})
