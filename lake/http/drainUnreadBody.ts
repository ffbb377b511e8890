// A request answered without reading all its body (a 413, a refused sign-in, an unknown route) must
// not leave the rest of that body on a connection the client will use again. Otherwise the Node
// adapter drains it after the answer with a 500 ms deadline and then closes the socket, which a
// client may already be reusing: on a busy machine its next request failed with "other side closed".
// A short remainder is read and discarded before the answer goes out; a long one, or one already
// partly read (the body limit stops reading a chunked body half-way), gets `Connection: close`, so
// the client opens a new connection for its next request.
import type { MiddlewareHandler } from 'hono'
import { IncomingMessage } from 'node:http'
import { maxDrainedBodyBytes } from '../limits.ts'

export const drainUnreadBody: MiddlewareHandler = async (c, next) => {
  await next()
  const request = c.req.raw
  // A GET or HEAD has no body to drain; asking for one would make the Node adapter build a whole web
  // Request, and a body read through `text()` is used without one: so `bodyUsed` before `body`.
  if (request.method === 'GET' || request.method === 'HEAD') return
  if (request.bodyUsed) {
    const incoming: unknown = Reflect.get(c.env ?? {}, 'incoming')
    if (incoming instanceof IncomingMessage && !incoming.readableEnded) c.res.headers.set('Connection', 'close')
    return
  }
  if (!request.body) return
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
