// A site build in a process of its own, asked for over IPC by `buildInChildProcess`. Astro keeps
// state between builds in one process (its route cache and the modules of the first build, when
// the output folder is outside the working directory), so a second build in the same process can
// render the first build's pages; a fresh process for each build renders what the archive holds now.
import { createClient } from '@sanity/client'
import { buildIncrement } from './buildIncrement.ts'
import { buildSite } from './buildSite.ts'
import { buildAnswer, buildRequest } from './childBuildMessages.ts'
import { HintedError, parseOrExplain } from '../../core/index.ts'

process.once('message', (message: unknown) => {
  void answer(message).then((reply) => process.send?.(buildAnswer.parse(reply), () => process.exit(0)))
})

async function answer(message: unknown) {
  try {
    const { client: settings, only, ...options } = parseOrExplain(buildRequest, message, 'the build request')
    const client = createClient({ ...settings, useCdn: false })
    const report = only ? await buildIncrement({ ...options, client, only }) : await buildSite({ ...options, client })
    return { ok: true as const, report: { ...report, peakMegabytes: Math.round(process.resourceUsage().maxRSS / 1024) } }
  } catch (error) {
    const hint = error instanceof HintedError ? error.hint : undefined
    return { ok: false as const, message: error instanceof Error ? error.message : String(error), ...(hint ? { hint } : {}) }
  }
}
