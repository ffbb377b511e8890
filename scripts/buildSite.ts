// `npm run build:site [-- --out DIR]`: builds the public site into dist/site (see README, "The public site").
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultDataDir } from '../lake/cli.ts'
import { openFolderKey } from '../lake/index.ts'
import { askHidden } from '../lake/passphraseInput.ts'
import { runSiteBuild } from './siteBuildCommand.ts'
import { explainFailure } from '../core/index.ts'

const { values } = parseArgs({ options: { out: { type: 'string' } } })
try {
  const report = await runSiteBuild({
    env: process.env,
    outDir: resolve(values.out ?? 'dist/site'),
    lakeDataDir: process.env.LAKE_DATA ? resolve(process.env.LAKE_DATA) : defaultDataDir,
    openLakeKey: (dataDir) =>
      openFolderKey({ dataDir, env: process.env, ask: process.stdin.isTTY ? askHidden : null, out: (line) => console.log(line) }),
    now: new Date(),
    out: (line) => console.log(line),
  })
  for (const problem of report.problems) console.log(`warning: ${problem}`)
  console.log(
    `Built ${report.outDir}: ${report.stories} stories, ${report.removed} removed (neutral pages), ${report.sitemap.length} pages in the sitemap, ${report.milliseconds.total} ms.`,
  )
} catch (error) {
  console.error(explainFailure(error))
  process.exitCode = 1
}
