// The listener: Server-Sent Events with a welcome event, then one mutation event per change the
// listener's query selects, as Sanity's /data/listen sends them.
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { userOf } from '../auth/credentials.ts'
import { badRequest } from '../errors.ts'
import type { ListenOptions, MutationEvent } from '../listen/listenerHub.ts'
import type { LakeEnv, LakeServices } from './lakeEnv.ts'
import { flag, queryParams } from './requestValues.ts'
import { bearerToken } from './signIn.ts'
import { assetUrlSigning } from './signedAssetUrls.ts'

/** Comments keep idle connections open through proxies and tell the client the lake is there. */
const keepAliveMs = 25_000
/** Most transactions a resumed listener is sent; past that it is told to reset and read anew. */
const maxResumedTransactions = 1000

export function listenRoutes(services: LakeServices) {
  const app = new Hono<LakeEnv>()

  app.get('/:version/data/listen/:dataset', (c) => {
    const url = new URL(c.req.url)
    const dataset = services.datasets.get(c.req.param('dataset'))
    const query = url.searchParams.get('query')
    if (!query) throw badRequest('The listener query is missing: send it as ?query=*[…]', 'queryParseError')
    const access = c.var.access
    // A stream outlives its request: it ends once its token no longer signs in (sign-out, a
    // disabled account, a revoked token), checked before each event and each keep-alive.
    const token = bearerToken(c)
    const signedIn = () => userOf(services, token, false) !== null
    const queue: MutationEvent[] = []
    let wake: (() => void) | null = null
    const options: ListenOptions = {
      query,
      params: queryParams(url),
      includeResult: flag(url, 'includeResult'),
      includePreviousRevision: flag(url, 'includePreviousRevision'),
      includeMutations: url.searchParams.get('includeMutations') !== 'false',
      effectFormat: url.searchParams.get('effectFormat') === 'mendoza' ? 'mendoza' : null,
      canRead: access.canRead,
    }
    // The documents an event carries are signed when it is sent (the mutations and effects stay as recorded).
    const signedEvent = (event: MutationEvent): MutationEvent => {
      if (!('result' in event) && !('previous' in event)) return event
      const signing = assetUrlSigning(services, dataset, access, c.req.url)
      return {
        ...event,
        ...('result' in event ? { result: signing.value(event.result) } : {}),
        ...('previous' in event ? { previous: signing.value(event.previous) } : {}),
      }
    }
    const send = (event: MutationEvent) => {
      queue.push(event)
      wake?.()
    }
    // A client that reconnects after an event it saw (and asked to resume) gets what it missed, as
    // Sanity does: `welcomeback`, then the missed events; or `reset` when they can not be told.
    const lastEventId = c.req.header('Last-Event-ID')
    const resumeFrom = flag(url, 'enableResume') && lastEventId ? lastEventId.split('#')[0] : undefined
    const resumed = resumeFrom
      ? dataset.listeners.resume(options, send, () => dataset.store.transactionsAfter(resumeFrom, maxResumedTransactions))
      : { stop: dataset.listeners.subscribe(options, send), resumed: false }
    const stop = resumed.stop
    const opening = resumeFrom ? (resumed.resumed ? 'welcomeback' : 'reset') : 'welcome'
    return streamSSE(c, async (stream) => {
      let open = true
      stream.onAbort(() => {
        open = false
        stop()
        wake?.()
      })
      await stream.writeSSE({ event: opening, data: JSON.stringify({ listenerName: `lake-${access.user.id}-${Date.now()}` }) })
      while (open && signedIn()) {
        const event = queue.shift()
        if (event) {
          await stream.writeSSE({ event: 'mutation', id: event.eventId, data: JSON.stringify(signedEvent(event)) })
          continue
        }
        const woken = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), keepAliveMs)
          wake = () => {
            clearTimeout(timer)
            resolve(true)
          }
        })
        wake = null
        if (!woken && open) await stream.write(': keep-alive\n\n')
      }
      stop()
    })
  })

  return app
}
