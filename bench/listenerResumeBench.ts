// The listener's `Last-Event-ID` resume, measured over HTTP: a listener sees one event, goes away
// while `missed` transactions are committed, and comes back asking to resume after that event; the
// figure is how many of the missed events it is sent (after `welcomeback`) and how long that takes.
import type { SanityClient } from '@sanity/client'
import { apiVersionPath } from '../core/index.ts'
import { readServerSentEvents as readEvents } from '../tests/lake/serverSentEvents.ts'

export async function measureResume(port: number, token: string, client: SanityClient, missed: number) {
  const url = `http://127.0.0.1:${port}${apiVersionPath}/data/listen/production?query=${encodeURIComponent('*[_type == "bench.resume"]')}&enableResume=true`
  const headers = { Authorization: `Bearer ${token}` }
  const first = fetch(url, { headers }).then((response) => readEvents(response, 2))
  await new Promise((resolve) => setTimeout(resolve, 200))
  await client.create({ _id: 'resume-seen', _type: 'bench.resume' })
  const seen = (await first).find((event) => event.event === 'mutation')?.id ?? ''
  for (let i = 0; i < missed; i++) await client.create({ _id: `resume-${i}`, _type: 'bench.resume' })
  const started = performance.now()
  const events = await readEvents(await fetch(url, { headers: { ...headers, 'Last-Event-ID': seen } }), missed + 1)
  return {
    opening: events[0]?.event ?? 'none',
    received: events.filter((event) => event.event === 'mutation').length,
    ms: performance.now() - started,
  }
}
