// The lake the bench measures: a fresh data folder with `documentCount` synthetic documents (fictional:
// numbered stories of a made-up shape), loaded in batches of 1,000. Shared by the bench and the lake
// it starts in a child process (bench/lakeProcess.ts), so that both hold the same documents.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLake, throwawayKey } from '../lake/index.ts'
import { draftIdOf } from '../core/index.ts'

const themes = ['forced-marriage', 'rape-in-prisons', 'soldier-violence', 'violence-against-men', 'violence-today']

export function openSyntheticLake(documentCount: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-lake-'))
  const lake = openLake({ dataDir, key: throwawayKey(dataDir), log: () => {} })
  const dataset = lake.services.datasets.ensure('production')
  const batch = 1000
  for (let start = 0; start < documentCount; start += batch) {
    const mutations = Array.from({ length: Math.min(batch, documentCount - start) }, (_, k) => {
      const i = start + k
      return {
        create: {
          _id: i % 10 === 0 ? draftIdOf(`doc-${i}`) : `doc-${i}`,
          _type: i % 3 === 0 ? 'testimony' : 'ceremony',
          slug: { current: `story-${i}` },
          province: ['Takeo', 'Kampot', 'Battambang'][i % 3],
          themes: [{ _ref: `theme-${themes[i % 5]}`, _key: 't' }],
          title: { en: `Synthetic story ${i}`, km: `រឿងសាកល្បង ${i}` },
          body: { en: [{ _type: 'block', children: [{ _type: 'span', text: 'word '.repeat(40) }] }] },
        },
      }
    })
    dataset.mutate(mutations, { author: 'bench' })
  }
  return { dataDir, lake, dataset }
}
