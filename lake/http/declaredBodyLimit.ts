// hono's body limit, made cheap for the usual request: a body whose length is declared (and not
// chunked) is judged by its Content-Length header alone, and a GET or HEAD has none. hono's own
// middleware asks the request for its body stream first, which makes the Node adapter build a whole
// web Request and a stream around the socket for every request (a tenth of the lake's time per
// query); reading the body later through `text()` then takes the adapter's direct path. Node's HTTP
// parser reads exactly the declared length as the body, so the header bounds what is read. A body
// sent in chunks goes through hono's middleware, which counts the bytes as they come.
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

export function declaredBodyLimit(options: { maxSize: number; onError: (c: Context) => Response | Promise<Response> }): MiddlewareHandler {
  const counted = bodyLimit(options)
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const length = c.req.header('Content-Length')
    if (length === undefined || c.req.header('Transfer-Encoding') !== undefined) return counted(c, next)
    if (Number.parseInt(length, 10) > options.maxSize) return options.onError(c)
    await next()
  }
}
