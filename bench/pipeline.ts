// One measured run of `npm run bench`, in its own process so its peak memory is its own.
// `node bench/pipeline.ts site N` runs the archive's pipeline (lake → consent gate → Astro →
// Pagefind) through the live site, then publishes a story and times until its page, its list cards
// and its search index are served (from its increment), and until the full rebuild is served,
// timing the Studio's reads of the lake until then against the idle lake's, then
// withdraws a story and times until it is gone from its page and the search.
// `node bench/pipeline.ts bare N` builds the fair baseline (bareBuild.ts): the same pages from the
// same templates, content made without the lake or the gate, plain Pagefind.
// Progress goes to stderr; the last line printed is the result as JSON.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { lakeClient } from '../wire/index.ts'
import { loadSiteContent } from '../site/index.ts'
import { startLiveSite } from '../site/live/index.ts'
import { walkTo } from '../tests/lake/workflowWalk.ts'
import { bareBuild, htmlPages } from './bareBuild.ts'
import { bareContent } from './bareContent.ts'
import { benchToday, firstSearch, kb, lakeWith } from './siteMeasures.ts'
import { studioQueryTimes } from './studioQueries.ts'
import { syntheticTestimonies } from './syntheticTestimonies.ts'

process.env.ASTRO_TELEMETRY_DISABLED = '1'
const [mode = 'site', countText = '1000'] = process.argv.slice(2)
const count = Number(countText)
const work = mkdtempSync(join(tmpdir(), `bench-${mode}-`))
const peakMegabytes = () => Math.round(process.resourceUsage().maxRSS / 1024)
// Each line with the seconds since the run began, so that the phases of a slow step can be told apart.
const progress = (line: string) => console.error(`  [${mode} ${count}, ${Math.round(performance.now() / 100) / 10} s] ${line}`)
const seconds = (since: number) => Math.round(performance.now() - since) / 1000
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

try {
  if (mode === 'bare') await bare()
  else await site()
} finally {
  rmSync(work, { recursive: true, force: true })
}

async function bare() {
  // A working directory of its own, as each archive build has (site/build/buildFolders.ts): Astro keeps
  // its pre-rendering chunks in `<cwd>/.astro/` and removes them when done, under another build's feet.
  mkdirSync(fileURLToPath(new URL('../node_modules/.cache/site-builds/', import.meta.url)), { recursive: true })
  const cwd = mkdtempSync(fileURLToPath(new URL('../node_modules/.cache/site-builds/bench-bare-', import.meta.url)))
  process.chdir(cwd)
  try {
    await bareInOwnFolder()
  } finally {
    rmSync(cwd, { recursive: true, force: true })
  }
}

async function bareInOwnFolder() {
  // The seed's public content is read from a lake holding only the seed, before the clock starts; that
  // lake stays up only as the host of the seed's one ceremony photograph, which both builds encode.
  progress('reading the seed’s public content (untimed)')
  const seed = await lakeWith(work, [])
  const { content: seedContent } = await loadSiteContent({ client: seed.client, today: benchToday })
  const content = bareContent(seedContent, count)
  progress(`building the same pages, plain Pagefind (${content.stories.length} stories)`)
  const built = await bareBuild(content, join(work, 'bare'))
  await seed.close()
  console.log(
    JSON.stringify({
      mode,
      count,
      totalMs: built.total,
      astroMs: built.astro,
      pages: built.pages,
      // Pagefind indexes in a process of its own, beside this one: both peaks, added.
      peakMegabytes: peakMegabytes() + built.indexerPeakMegabytes,
      indexerPeakMegabytes: built.indexerPeakMegabytes,
    }),
  )
}

async function site() {
  progress('loading the lake')
  // One more testimony than the archive holds, walked to its approval now and published later.
  const documents = syntheticTestimonies(count + 1)
  const [newTestimony, newConsent] = documents.slice(-2)
  const archive = await lakeWith(work, documents.slice(0, -2))
  const { token } = archive.lake.services.tokens.create({
    name: 'Bench administrator',
    role: 'administrator',
    userId: 'bench-administrator',
    now: new Date(),
  })
  const administrator = lakeClient({ port: archive.port, token })
  const walk = {
    client: administrator,
    userId: 'bench-administrator',
    testimony: { ...newTestimony, _id: String(newTestimony?._id), _type: 'testimony' },
    consent: { ...newConsent, _id: String(newConsent?._id), _type: 'consentRecord' },
  }
  await walkTo('approved', walk)
  progress('the Studio’s reads of the idle lake')
  await studioQueryTimes(archive.port, token, () => false, 2, 0)
  const idle = await studioQueryTimes(archive.port, token, () => false, 3)

  progress('building the site through the consent gate (the live site’s first build)')
  const started = performance.now()
  const site = await startLiveSite({
    client: archive.client,
    folder: join(work, 'site'),
    port: 0,
    today: () => benchToday,
    log: progress,
  })
  const pipelineMs = Math.round(performance.now() - started)
  // Where the first build's time went (load, Astro, then the index's time after Astro's), read before a publication replaces it.
  const firstBuildMs = site.lastBuild()?.milliseconds
  const built = join(work, 'site', 'build-1')
  const pages = htmlPages(built)
  const page = readFileSync(join(built, 'en', 'stories', 'synthetic-story-1', 'index.html'))
  progress('a first search in Chromium')
  const search = await firstSearch(built, 'km', 'សែសិប')
  progress(
    `the first Khmer search fetched ${kb(search.bytes)} KB in ${search.files} files before its first results, ${kb(search.allBytes)} KB in ${search.allFiles} by its end`,
  )
  const get = (path: string) => fetch(`http://127.0.0.1:${site.port}${path}`)
  // A connection cut while the new build is swapped in counts as not there yet.
  const status = (path: string) =>
    get(path).then(
      (response) => response.status,
      () => 0,
    )

  progress('publishing a story while the site runs, the Studio reading until the full rebuild is served')
  const newSlug = `synthetic-story-${count}`
  let rebuilt = false
  const publishedAt = performance.now()
  const reading = studioQueryTimes(archive.port, token, () => !rebuilt)
  // The Studio's Publish: the last step of workflowWalk.ts, the only one that makes the story public.
  await administrator.action([
    {
      actionType: 'sanity.action.document.edit',
      draftId: `drafts.${walk.testimony._id}`,
      publishedId: walk.testimony._id,
      patch: { set: { workflowState: 'published' } },
    },
    { actionType: 'sanity.action.document.publish', draftId: `drafts.${walk.testimony._id}`, publishedId: walk.testimony._id },
  ])
  // Visible: its page answers, its card is on the story lists the site says it is on, and its search index is listed.
  const text = (path: string) =>
    get(path).then(
      (response) => response.text(),
      () => '',
    )
  const visibleEverywhere = async () => {
    if ((await status(`/en/stories/${newSlug}/`)) !== 200) return false
    const lists = (site.shownStory(newSlug)?.lists ?? []).filter((path) => path.startsWith('/en/stories/'))
    if (lists.length === 0) return false
    for (const list of lists) if (!(await text(list)).includes(`data-story="${newSlug}"`)) return false
    return site.lastBuild()?.builtStories[newSlug] !== undefined || (await text('/pagefind/additions.json')).includes(`/${newSlug}/`)
  }
  let visible = false
  while (!visible && performance.now() - publishedAt < 1_800_000) {
    visible = await visibleEverywhere()
    if (!visible) await pause(100)
  }
  const publishToVisibleSeconds = seconds(publishedAt)
  const visibleFrom = site.lastBuild()?.builtStories[newSlug] ? 'the full rebuild' : 'its increment'
  progress(`visible after ${publishToVisibleSeconds} s, from ${visibleFrom}; waiting for the full rebuild`)
  await site.settled()
  rebuilt = true
  const publishToRebuiltSeconds = seconds(publishedAt)
  const duringRebuild = await reading
  progress('withdrawing a story')
  const slug = 'synthetic-story-7'
  const fragment = site.lastBuild()?.builtStories[slug]?.fragments[0]
  const withdrawnAt = performance.now()
  await administrator
    .patch('synthetic-consent-7')
    .setIfMissing({ withdrawals: [] })
    .append('withdrawals', [{ _key: 'bench', date: benchToday, scopes: ['website', 'teaching'] }])
    .commit()
  for (;;) {
    const story = await get(`/en/stories/${slug}/`).then(
      (response) => response.text(),
      () => '',
    )
    const gone = story.includes('removed at its author') && (!fragment || (await status(`/pagefind/fragment/${fragment}`)) === 404)
    if (gone || performance.now() - withdrawnAt > 60_000) break
    await pause(25)
  }
  const withdrawalSeconds = seconds(withdrawnAt)
  // The build runs in a process of its own; the pipeline's peak is the larger of the two.
  // The build and Pagefind's indexing service are processes of their own, the service the build's
  // child, holding its memory while the build waits: their peaks, added.
  const buildPeak = (site.lastBuild()?.peakMegabytes ?? 0) + (site.lastBuild()?.indexerPeakMegabytes ?? 0)
  const indexerPeakMegabytes = site.lastBuild()?.indexerPeakMegabytes ?? null
  await site.stop()
  await archive.close()
  console.log(
    JSON.stringify({
      mode,
      count,
      totalMs: pipelineMs,
      firstBuildMs,
      pages,
      peakMegabytes: Math.max(peakMegabytes(), buildPeak),
      indexerPeakMegabytes,
      publishToVisibleSeconds,
      visibleFrom,
      publishToRebuiltSeconds,
      withdrawalSeconds,
      studioIdle: idle,
      studioDuringRebuild: duringRebuild,
      storyPageGzipKb: kb(gzipSync(page).length),
      firstSearchGzipKb: kb(search.bytes),
      wholeSearchGzipKb: kb(search.allBytes),
      firstSearchFiles: search.largest,
      searchResults: search.results,
    }),
  )
}
