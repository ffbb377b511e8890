// The fictional seed archive loaded into a lake data folder that holds none yet, as `npm start`
// does on its first run: so that `npm run dev` works offline on a fresh checkout too.
import { readFile } from 'node:fs/promises'
import { importDocuments, openLake, type DataKey } from '../lake/index.ts'
import { seedArchivePath } from '../seed/index.ts'

/** Loads the seed if the folder's archive is empty; answers how many documents it loaded (0 if none). */
export async function seedIfEmpty(options: { dataDir: string; key: DataKey; timeZone: string }): Promise<number> {
  const lake = openLake({ dataDir: options.dataDir, key: options.key, timeZone: options.timeZone, log: () => {} })
  try {
    const dataset = lake.services.datasets.ensure('production')
    if (dataset.documents().length > 0) return 0
    return importDocuments(dataset, await readFile(seedArchivePath, 'utf8'), { author: 'seed', replace: false }).documents
  } finally {
    lake.close()
  }
}
