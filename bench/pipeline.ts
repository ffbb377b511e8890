// One measured run of `npm run bench`, in its own process so its peak memory is its own:
// `node bench/pipeline.ts site N` runs the archive's pipeline (lake → consent gate → Astro → Pagefind)
// through the live site, then withdraws a story and times until it is gone from its page and the
// search; `node bench/pipeline.ts bare N` builds bare Astro + Pagefind on the same content.
// The last line printed is the result as JSON.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { lakeClient } from '../wire/index.ts'
import { startLiveSite } from '../site/live/index.ts'
import { bareBuild, benchToday, firstSearch, kb, lakeWith } from './siteMeasures.ts'
import { syntheticTestimonies } from './syntheticTestimonies.ts'

process.env.ASTRO_TELEMETRY_DISABLED = '1'
const [mode = 'site', countText = '1000'] = process.argv.slice(2)
const count = Number(countText)
const work = mkdtempSync(join(tmpdir(), `bench-${mode}-`))
const peakMegabytes = () => Math.round(process.resourceUsage().maxRSS / 1024)
const progress = (line: string) => console.error(`  [${mode} ${count}] ${line}`)

try {
  progress('loading the lake')
  const archive = await lakeWith(work, syntheticTestimonies(count))
  if (mode === 'bare') {
    progress('building bare Astro + Pagefind')
    const bare = await bareBuild(archive.client, join(work, 'bare'))
    await archive.close()
    console.log(JSON.stringify({ mode, count, totalMs: bare.total, astroMs: bare.astro, peakMegabytes: peakMegabytes() }))
  } else {
    progress('building the site through the consent gate (the live site’s first build)')
    const started = performance.now()
    const site = await startLiveSite({
      client: archive.client,
      folder: join(work, 'site'),
      port: 0,
      today: () => benchToday,
      log: progress,
      rebuildDelayMs: 600_000,
    })
    const pipelineMs = Math.round(performance.now() - started)
    const built = join(work, 'site', 'build-1')
    const page = readFileSync(join(built, 'en', 'stories', 'synthetic-story-1', 'index.html'))
    progress('a first search in Chromium')
    const search = await firstSearch(built, 'km', 'សែសិប')

    progress('withdrawing a story')
    const slug = 'synthetic-story-7'
    const fragment = site.lastBuild()?.builtStories[slug]?.fragments[0]
    const { token } = archive.lake.services.tokens.create({ name: 'Bench supervisor', role: 'supervisor', now: new Date() })
    const supervisor = lakeClient({ port: archive.port, token })
    const get = (path: string) => fetch(`http://127.0.0.1:${site.port}${path}`)
    const withdrawnAt = performance.now()
    await supervisor
      .patch('synthetic-consent-7')
      .setIfMissing({ withdrawals: [] })
      .append('withdrawals', [{ _key: 'bench', date: benchToday, scopes: ['website', 'teaching'] }])
      .commit()
    for (;;) {
      const story = await (await get(`/en/stories/${slug}/`)).text()
      const gone = story.includes('removed at its author') && (!fragment || (await get(`/pagefind/fragment/${fragment}`)).status === 404)
      if (gone || performance.now() - withdrawnAt > 60_000) break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    const withdrawalSeconds = Math.round(performance.now() - withdrawnAt) / 1000
    // The build runs in a process of its own; the pipeline's peak is the larger of the two.
    const buildPeak = site.lastBuild()?.peakMegabytes ?? 0
    await site.stop()
    await archive.close()
    console.log(
      JSON.stringify({
        mode,
        count,
        totalMs: pipelineMs,
        peakMegabytes: Math.max(peakMegabytes(), buildPeak),
        withdrawalSeconds,
        storyPageGzipKb: kb(gzipSync(page).length),
        firstSearchGzipKb: kb(search.bytes),
        searchResults: search.results,
      }),
    )
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
