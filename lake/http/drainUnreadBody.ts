// Reads and discards the body of a request that was answered without reading it (a 413, a refused
// sign-in, an unknown route), before the answer goes out. Otherwise the Node adapter drains it after
// the answer with a 500 ms deadline and then closes the socket, which a client may already be
// reusing for its next request: on a busy machine that next request failed with "other side closed".
import type { MiddlewareHandler } from 'hono'
import { maxDrainedBodyBytes } from '../limits.ts'

export const drainUnreadBody: MiddlewareHandler = async (c, next) => {
  await next()
  const request = c.req.raw
  if (request.bodyUsed || !request.body) return
  const declared = Number(request.headers.get('Content-Length') ?? '0')
  if (declared > maxDrainedBodyBytes || !(await discard(request.body))) c.res.headers.set('Connection', 'close')
}

/** Reads the stream to its end; false when it was longer than the lake drains or the client left. */
async function discard(body: ReadableStream<Uint8Array>): Promise<boolean> {
  const reader = body.getReader()
  let bytes = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return true
      bytes += value.byteLength
      if (bytes > maxDrainedBodyBytes) {
        await reader.cancel()
        return false
      }
    }
  } catch {
    return false
  }
}
