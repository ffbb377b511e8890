// CORS for the Studio's origins, as hono's `cors` middleware answers it (credentials allowed, the
// headers a preflight asks for echoed, as hosted Sanity does), but without touching the response
// before the route makes it: hono's middleware sets its headers on `c.res` first, so every answer
// was built twice, the second time as a whole web Response with its headers copied over (a tenth of
// the lake's time per query by id). Here they go into the context's prepared headers, which every
// answer made through the context carries; one made otherwise gets them afterwards, with Vary.
import type { Context, MiddlewareHandler } from 'hono'

const allowMethods = 'GET,POST,PUT,PATCH,DELETE,OPTIONS'
const maxAgeSeconds = '600'

export function corsHeaders(allowedOrigins: ReadonlyArray<string>): MiddlewareHandler {
  const allowedOrigin = (c: Context) => {
    const origin = c.req.header('Origin') ?? ''
    return allowedOrigins.includes(origin) ? origin : null
  }
  return async (c, next) => {
    const origin = allowedOrigin(c)
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers({ 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' })
      if (origin) headers.set('Access-Control-Allow-Origin', origin)
      headers.set('Access-Control-Max-Age', maxAgeSeconds)
      headers.set('Access-Control-Allow-Methods', allowMethods)
      const asked = c.req.header('Access-Control-Request-Headers')
      if (asked) {
        headers.set(
          'Access-Control-Allow-Headers',
          asked
            .split(',')
            .map((name) => name.trim())
            .join(','),
        )
        headers.append('Vary', 'Access-Control-Request-Headers')
      }
      return new Response(null, { headers, status: 204, statusText: 'No Content' })
    }
    if (origin) c.header('Access-Control-Allow-Origin', origin)
    c.header('Access-Control-Allow-Credentials', 'true')
    await next()
    // The answer may vary with the origin; a route's own Vary (the images') is kept beside it.
    const headers = c.res.headers
    if (!(headers.get('Vary') ?? '').split(',').some((name) => name.trim() === 'Origin')) headers.append('Vary', 'Origin')
    if (headers.get('Access-Control-Allow-Credentials') !== null) return
    if (origin) headers.set('Access-Control-Allow-Origin', origin)
    headers.set('Access-Control-Allow-Credentials', 'true')
  }
}
