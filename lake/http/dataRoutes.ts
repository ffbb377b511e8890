// The data API: query, doc and mutate, over one dataset, within what the token may read and write.
import { Hono } from 'hono'
import { z } from 'zod'
import { actionsBody } from '../actions/actionRequest.ts'
import { parseActions } from '../actions/applyActions.ts'
import { formatArchive } from '../../wire/index.ts'
import { badRequest, forbidden } from '../errors.ts'
import { mutateBody } from '../mutations/mutationRequest.ts'
import type { DocumentChange } from '../mutations/document.ts'
import type { WriteOptions } from '../dataset.ts'
import { consentGuard } from '../consentGuard.ts'
import { withdrawalUnpublish } from '../withdrawalUnpublish.ts'
import { readBackConsequence } from '../readBackConsequence.ts'
import { caseRecordGuard } from '../caseRecordGuard.ts'
import { workflowGuard } from '../workflowGuard.ts'
import { programmeDayNow } from '../programmeDayNow.ts'
import { followedBy } from '../mutations/changeSet.ts'
import { runQuery } from '../query/runQuery.ts'
import type { Access } from '../auth/access.ts'
import { writeRefusal } from '../auth/roles.ts'
import type { LakeEnv, LakeServices } from './lakeEnv.ts'
import { readJson, wrongBody } from './readJson.ts'
import { assetUrlSigning } from './signedAssetUrls.ts'
import { flag, perspectiveOf, queryParams } from './requestValues.ts'

const queryBody = z.object({ query: z.string(), params: z.record(z.string(), z.unknown()).optional(), perspective: z.unknown().optional() })

export function dataRoutes(services: LakeServices) {
  const app = new Hono<LakeEnv>()
  const programmeToday = programmeDayNow(services.clock, services.timeZone)

  const query = async (version: string, datasetName: string, url: URL, access: Access, body: z.infer<typeof queryBody>) => {
    const dataset = services.datasets.get(datasetName)
    const started = performance.now()
    const perspective = perspectiveOf(url, version, body.perspective)
    const result = await runQuery({
      query: body.query,
      params: body.params ?? {},
      perspective,
      documents: () => dataset.documents(),
      index: dataset.store,
      readable: access.readable,
      identity: access.user.id,
      now: services.clock.now(),
    })
    const signed = assetUrlSigning(services, dataset, access, url.href).value(result)
    return { query: body.query, result: signed, ms: Math.round(performance.now() - started) }
  }

  app.get('/:version/data/query/:dataset', async (c) => {
    const url = new URL(c.req.url)
    const text = url.searchParams.get('query')
    if (!text) throw badRequest('The query is missing: send it as ?query=…', 'queryParseError')
    return c.json(await query(c.req.param('version'), c.req.param('dataset'), url, c.var.access, { query: text, params: queryParams(url) }))
  })

  app.post('/:version/data/query/:dataset', async (c) => {
    const body = queryBody.safeParse(await readJson(c.req.raw))
    if (!body.success) throw wrongBody('{"query": "*[…]", "params": {…}}', body.error)
    return c.json(await query(c.req.param('version'), c.req.param('dataset'), new URL(c.req.url), c.var.access, body.data))
  })

  app.get('/:version/data/doc/:dataset/:ids', (c) => {
    const dataset = services.datasets.get(c.req.param('dataset'))
    const ids = c.req.param('ids').split(',').filter(Boolean)
    const signing = assetUrlSigning(services, dataset, c.var.access, c.req.url)
    const documents = []
    const omitted = []
    for (const id of ids) {
      const document = dataset.get(id)
      if (!document) omitted.push({ id, reason: 'existence' })
      else if (!c.var.access.canRead(document)) omitted.push({ id, reason: 'permission' })
      else documents.push(signing.document(document))
    }
    return c.json({ documents, omitted })
  })

  app.post('/:version/data/mutate/:dataset', async (c) => {
    const url = new URL(c.req.url)
    const dataset = services.datasets.get(c.req.param('dataset'))
    const body = mutateBody.safeParse(await readJson(c.req.raw))
    if (!body.success) throw wrongBody('{"mutations": [{"create": {…}}, …]}', body.error)
    const result = await dataset.mutateDurably(body.data.mutations, writeOptions(programmeToday, c.var.access, body.data.transactionId))
    const returnDocuments = flag(url, 'returnDocuments')
    const signing = assetUrlSigning(services, dataset, c.var.access, c.req.url)
    return c.json({
      transactionId: result.transactionId,
      results: result.changes.map((change) => ({
        id: change.id,
        operation: change.before === null ? 'create' : change.after === null ? 'delete' : 'update',
        ...(returnDocuments && change.after ? { document: signing.document(change.after) } : {}),
      })),
      ...(flag(url, 'returnIds') ? { documentIds: result.changes.map((change) => change.id) } : {}),
    })
  })

  // Sanity's streaming export: every document the token may read, one JSON document a line; the
  // asset documents carry signed addresses, which Sanity's exporter downloads without a token.
  app.get('/:version/data/export/:dataset', (c) => {
    const dataset = services.datasets.get(c.req.param('dataset'))
    const url = new URL(c.req.url)
    const types = url.searchParams.get('types')?.split(',').filter(Boolean)
    const signing = assetUrlSigning(services, dataset, c.var.access, c.req.url)
    const documents = c.var.access
      .readable(dataset.documents())
      .filter((d) => !types || types.includes(d._type))
      .map(signing.document)
    return c.body(formatArchive(documents), 200, { 'Content-Type': 'application/x-ndjson' })
  })

  app.post('/:version/data/actions/:dataset', async (c) => {
    const dataset = services.datasets.get(c.req.param('dataset'))
    const body = actionsBody.safeParse(await readJson(c.req.raw))
    if (!body.success) throw wrongBody('{"actions": [{"actionType": "sanity.action.document.create", …}]}', body.error)
    const options = writeOptions(programmeToday, c.var.access, body.data.transactionId)
    if (body.data.dryRun) {
      parseActions(body.data.actions)
      return c.json({ transactionId: body.data.transactionId ?? null })
    }
    const result = await dataset.actDurably(body.data.actions, options)
    return c.json({ transactionId: result.transactionId })
  })

  return app
}

/**
 * Every write through the API: refused to a read-only token; an edit of an approved text sends it
 * back for read-back, and a withdrawal unpublishes, in the same transaction; then the token's
 * grants, the case records (never deleted), the survivor's consent and the workflow are checked.
 */
function writeOptions(programmeToday: () => string, access: Access, transactionId: string | undefined): WriteOptions {
  if (access.readOnly) throw forbidden(`The ${access.user.role} role may only read; ask an administrator for a token that may write`)
  // The programme's day once per write, for the consequences and the guards alike.
  let day: string | undefined
  const today = () => (day ??= programmeToday())
  return {
    author: access.user.id,
    transactionId,
    consequences: (changes, context, stored) => {
      const readBack = readBackConsequence(changes, context)
      const withdrawals = withdrawalUnpublish(followedBy(changes, readBack), context, stored, today())
      return followedBy(readBack, withdrawals)
    },
    guard: (changes, stored) => {
      guardWrites(access, changes)
      caseRecordGuard(changes, stored)
      consentGuard(changes, stored, today())
      workflowGuard(access.user, changes, stored, today())
    },
  }
}

/** A write is allowed when the token may write the document as it was and as it would become. */
export function guardWrites(access: Access, changes: ReadonlyArray<DocumentChange>): void {
  for (const change of changes) {
    for (const document of [change.before, change.after]) {
      if (document && !access.canWrite(document)) {
        const why = writeRefusal(access.user.role, document._type)
        throw forbidden(`The ${access.user.role} role may not change document "${change.id}" (${document._type}): ${why}`)
      }
    }
  }
}
