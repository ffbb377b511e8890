// The Studio's own reads, replayed against a lake to time its answers: every GET of a query or a
// document in the Studio's recorded traffic (tests/fixtures/studio-requests.jsonl, the same file as
// the shared reference), asked in order, round after round, while the caller says to go on.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { percentile } from './benchTable.ts'

const recorded = z.looseObject({ method: z.string(), url: z.string() })
const studioReads = readFileSync(new URL('../tests/fixtures/studio-requests.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => recorded.parse(JSON.parse(line)))
  .filter((request) => request.method === 'GET' && /^\/v[^/]+\/data\/(query|doc)\//.test(request.url))
  .map((request) => request.url)

export interface StudioTimes {
  requests: number
  /** Reads that got no answer or an error status. */
  failed: number
  /** Why they failed (each status or error once), so that a run's failure can be told apart from another's. */
  failures: string[]
  p50Ms: number
  p99Ms: number
}

/**
 * Asks the Studio's reads of the lake at `port`, one every `paceMs` (a therapist's Studio, not a load
 * test that would slow the build it is measured beside), until `goOn()` says no (at least `rounds` rounds).
 */
export async function studioQueryTimes(port: number, token: string, goOn: () => boolean, rounds = 1, paceMs = 50): Promise<StudioTimes> {
  const times: number[] = []
  let failed = 0
  const failures = new Set<string>()
  for (let round = 0; round < rounds || goOn(); round++) {
    for (const url of studioReads) {
      const started = performance.now()
      try {
        const response = await fetch(`http://127.0.0.1:${port}${url}`, { headers: { Authorization: `Bearer ${token}` } })
        await response.arrayBuffer()
        if (response.ok) times.push(performance.now() - started)
        else {
          failed++
          failures.add(`${response.status} for ${url.split('?')[0]}`)
        }
      } catch (error) {
        failed++
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
        failures.add(`${error instanceof Error ? error.message : String(error)}${cause}`)
      }
      await new Promise((resolve) => setTimeout(resolve, paceMs))
    }
  }
  const rounded = (ms: number) => Math.round(ms * 10) / 10
  return {
    requests: times.length,
    failed,
    failures: [...failures],
    p50Ms: rounded(percentile(times, 50)),
    p99Ms: rounded(percentile(times, 99)),
  }
}
