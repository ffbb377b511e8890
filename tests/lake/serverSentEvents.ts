// Reads a listener's server-sent events from a response, as an EventSource would (comments skipped),
// for the tests and the bench that look at the stream itself (ids, `welcomeback`, `reset`).
export interface ServerSentEvent {
  event: string
  id?: string
  data: string
}

/** The first `count` events of the stream (fewer if it ends), then closes it. */
export async function readServerSentEvents(response: Response, count: number): Promise<ServerSentEvent[]> {
  const reader = response.body?.getReader()
  if (!reader) throw new Error('The listener answered without a stream')
  const events: ServerSentEvent[] = []
  let text = ''
  while (events.length < count) {
    const { value, done } = await reader.read()
    if (done) break
    text += new TextDecoder().decode(value)
    const blocks = text.split('\n\n')
    text = blocks.pop() ?? ''
    for (const block of blocks) {
      const field = (name: string) =>
        block
          .split('\n')
          .find((line) => line.startsWith(`${name}:`))
          ?.slice(name.length + 1)
          .trim()
      const event = field('event')
      const id = field('id')
      if (event) events.push({ event, data: field('data') ?? '', ...(id ? { id } : {}) })
    }
  }
  await reader.cancel()
  return events
}
