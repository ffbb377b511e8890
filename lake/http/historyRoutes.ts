// History: the transactions that touched documents (NDJSON, as Sanity streams them), and a
// document as it was at a revision or a time, so that the Studio's "review changes" works.
import { Hono } from 'hono'
import { badRequest, forbidden, notFound } from '../errors.ts'
import type { TransactionRecord } from '../store/datasetStore.ts'
import { documentEvents } from '../history/documentEvents.ts'
import { shown } from '../mutations/document.ts'
import type { LakeEnv, LakeServices } from './lakeEnv.ts'
import { flag } from './requestValues.ts'
import { assetUrlSigning } from './signedAssetUrls.ts'
import { draftIdOf, publishedIdOf } from '../../core/index.ts'

export function historyRoutes(services: LakeServices) {
  const app = new Hono<LakeEnv>()

  const historyOf = (datasetName: string, ids: string[], access: LakeEnv['Variables']['access']) => {
    if (access.readOnly) throw forbidden('The publisher role may not read history')
    const dataset = services.datasets.get(datasetName)
    const seen = new Map<string, TransactionRecord>()
    for (const id of ids) for (const transaction of dataset.store.transactionsOf(id)) seen.set(transaction.id, transaction)
    const readable = [...seen.values()].filter((t) => t.changes.every((c) => [c.before, c.after].every((d) => !d || access.canRead(d))))
    return readable.sort((a, b) => a.timestamp.localeCompare(b.timestamp))
  }

  app.get('/:version/data/history/:dataset/transactions/:ids', (c) => {
    const url = new URL(c.req.url)
    const ids = c.req.param('ids').split(',')
    let transactions = historyOf(c.req.param('dataset'), ids, c.var.access)
    const from = url.searchParams.get('fromTransaction')
    const to = url.searchParams.get('toTransaction')
    if (from)
      transactions = transactions.slice(
        Math.max(
          0,
          transactions.findIndex((t) => t.id === from),
        ),
      )
    if (to) {
      const end = transactions.findIndex((t) => t.id === to)
      if (end >= 0) transactions = transactions.slice(0, end + 1)
    }
    if (flag(url, 'reverse')) transactions.reverse()
    const limit = limitOf(url, 1000)
    const excludeContent = flag(url, 'excludeContent')
    const identified = flag(url, 'includeIdentifiedDocumentsOnly')
    const lines = transactions.slice(0, limit).map((t) => {
      const changes = identified ? t.changes.filter((change) => ids.includes(change.id)) : t.changes
      return JSON.stringify({
        id: t.id,
        timestamp: t.timestamp,
        author: t.author,
        documentIDs: changes.map((change) => change.id),
        ...(excludeContent ? {} : { mutations: t.mutations }),
        effects: Object.fromEntries(changes.map((change) => [change.id, { apply: [0, change.after], revert: [0, change.before] }])),
      })
    })
    return c.body(lines.join('\n') + (lines.length ? '\n' : ''), 200, { 'Content-Type': 'application/x-ndjson' })
  })

  app.get('/:version/data/history/:dataset/documents/:ids', (c) => {
    const url = new URL(c.req.url)
    const revision = url.searchParams.get('revision')
    const time = url.searchParams.get('time')
    if (!revision && !time) throw badRequest('Say which state you want: ?revision=<transaction id> or ?time=<ISO date>')
    if (time && Number.isNaN(Date.parse(time)))
      throw badRequest(`History time ${shown(time)} is not a date; send an ISO date such as 2026-03-12T09:00:00Z`, 'invalidParameterError')
    const signing = assetUrlSigning(services, services.datasets.get(c.req.param('dataset')), c.var.access, c.req.url)
    const documents = c.req
      .param('ids')
      .split(',')
      .flatMap((id) => {
        const transactions = historyOf(c.req.param('dataset'), [id], c.var.access)
        const index = revision
          ? transactions.findIndex((t) => t.id === revision)
          : transactions.findLastIndex((t) => time !== null && t.timestamp <= time)
        if (index < 0) {
          if (revision) throw notFound(`Document "${id}" has no revision "${revision}"`)
          return []
        }
        const after = transactions[index]?.changes.find((change) => change.id === id)?.after
        return after ? [signing.document(after)] : []
      })
    return c.json({ documents })
  })

  app.get('/:version/data/history/:dataset/events/documents/:id', (c) => {
    const id = c.req.param('id')
    const transactions = historyOf(c.req.param('dataset'), [publishedIdOf(id), draftIdOf(id)], c.var.access)
    const limit = limitOf(new URL(c.req.url), 100)
    return c.json({ events: { [id]: documentEvents(transactions, id).slice(0, limit) }, nextCursor: '' })
  })

  return app
}

/** The `limit` parameter: a whole number from 0, or the default when absent. */
function limitOf(url: URL, fallback: number): number {
  const text = url.searchParams.get('limit')
  if (text === null || text === '') return fallback
  const limit = Number(text)
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw badRequest(`History limit ${shown(text)} is not a whole number from 0; send e.g. ?limit=${fallback}`, 'invalidParameterError')
  return limit
}
