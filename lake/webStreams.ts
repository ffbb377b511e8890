// Between web streams (request and response bodies, the age library) and Node's streams and async
// iterables (asset files, tar, gzip).

/** A web stream's chunks, for Node's stream pipeline. */
export async function* chunksOf(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}

/** A web stream read from chunks (a Node stream, say); cancelling it stops the source. */
export function webStreamOf(source: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else if (next.value instanceof Uint8Array) controller.enqueue(next.value)
      else controller.error(new TypeError('A stream gave something other than bytes'))
    },
    async cancel() {
      await chunks.return?.()
    },
  })
}
